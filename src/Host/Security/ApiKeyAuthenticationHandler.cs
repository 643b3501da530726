using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using NightPos.Host.Configuration;
using NightPos.Kernel;

namespace NightPos.Host.Security;

/// <summary>
/// Authenticates <c>Authorization: Bearer KEY</c> against the three keys of <c>NightPos:Auth</c>.
/// The key itself never leaves this class: the principal carries only the role it grants.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<NightPosOptions> settings,
    IProblemDetailsService problemDetails)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.Fail("Not a bearer key."));
        }

        var role = RoleOf(header[prefix.Length..].Trim());
        if (role is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown key."));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, role), new Claim(ClaimTypes.Role, role)],
            SchemeName);
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName);
        return Task.FromResult(AuthenticateResult.Success(ticket));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteProblem(
            StatusCodes.Status401Unauthorized,
            "Authentication required",
            "Send one of the installation's keys as 'Authorization: Bearer KEY'.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblem(
            StatusCodes.Status403Forbidden,
            "Not allowed for this key",
            $"The '{Context.User.Identity?.Name}' key may not do this; use a key whose role "
            + "allows it.");

    private string? RoleOf(string presented)
    {
        var auth = settings.CurrentValue.Auth;
        (string Role, string? Key)[] candidates =
        [
            (Roles.Admin, auth.AdminKey),
            (Roles.Auditor, auth.AuditorKey),
            (Roles.Sender, auth.SenderKey),
        ];

        // Compare every key in fixed time so that the answer's timing tells nothing about
        // which key, or how much of one, was guessed.
        string? match = null;
        foreach (var (role, key) in candidates)
        {
            if (!string.IsNullOrEmpty(key) && FixedTimeEquals(presented, key))
            {
                match = role;
            }
        }

        return match;
    }

    private static bool FixedTimeEquals(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    private async Task WriteProblem(int status, string title, string detail)
    {
        Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
        {
            Response.Headers.WWWAuthenticate = "Bearer";
        }

        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
