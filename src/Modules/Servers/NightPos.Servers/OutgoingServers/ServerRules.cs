using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Mvc;
using NightPos.Kernel.Mail;
using NightPos.Servers.Contracts;
using NightPos.Servers.Http;

namespace NightPos.Servers.OutgoingServers;

/// <summary>
/// Turns the fields of a request into a complete, valid <see cref="ServerDraft"/>, over the
/// server's current state for a change, or answers the first problem, naming its field. Pure:
/// the same rules decide a new server and a change.
/// </summary>
public static class ServerRules
{
    public const int DefaultPriority = 10;

    private const int MaxNameLength = 100;
    private const int MaxUsernameLength = 256;
    private const int MaxPasswordLength = 512;
    private const int MaxPemLength = 64 * 1024;
    private const int BlockedPort = 25;

    public static (ServerDraft? Draft, ProblemDetails? Problem) Decide(
        IServerFields request,
        OutgoingServer? current,
        ServersOptions options)
    {
        var problem = CheckText(request);
        if (problem is not null)
        {
            return (null, problem);
        }

        var name = request.Name is null ? current?.Name : ParseName(request.Name, out problem);
        if (problem is not null || name is null)
        {
            return (null, problem ?? Problems.Invalid("name", "name is required."));
        }

        var authentication = request.Authentication is null
            ? current?.Authentication
            : ParseWord<ServerAuthentication>(
                request.Authentication, "authentication", out problem);
        if (problem is not null || authentication is null)
        {
            return (null, problem ?? Problems.Invalid("authentication",
                "authentication is required: login, certificate or cli."));
        }

        var filter = ParseFilter(request, current, authentication.Value, options, out problem);
        if (problem is not null)
        {
            return (null, problem);
        }

        var draft = new ServerDraft(
            name,
            Host: null,
            Port: null,
            Encryption: null,
            authentication.Value,
            Username: null,
            filter!,
            request.Priority ?? current?.Priority ?? DefaultPriority,
            request.Active ?? current?.Active ?? true,
            CredentialsChange.Keep,
            AcceptInvalidCertificate: false);

        var (decided, refused) = authentication == ServerAuthentication.Cli
            ? DecideCli(request, current, draft)
            : DecideConnection(request, current, draft, options);
        return refused is not null
            ? (null, refused)
            : DecideCertificateCheck(request, current, decided!);
    }

    // ADR 0019: the switch only excuses a certificate that fails validation on a TLS connection
    // of the server's own. Without TLS there is no certificate, and a cli server connects with
    // the installation's default server, whose trust the configuration decides. A change that
    // would leave the switch on where it makes no sense is refused rather than silently
    // turning it off, so that the administrator sees what the change does.
    private static (ServerDraft?, ProblemDetails?) DecideCertificateCheck(
        IServerFields request,
        OutgoingServer? current,
        ServerDraft draft)
    {
        var accept = request.AcceptInvalidCertificate ?? current?.AcceptInvalidCertificate ?? false;
        if (!accept)
        {
            return (draft, null);
        }

        const string field = "acceptInvalidCertificate";
        var kept = request.AcceptInvalidCertificate is null
            ? $" It is on for this server: send {field} false with this change."
            : "";
        if (draft.Authentication == ServerAuthentication.Cli)
        {
            return (null, Problems.Invalid(field,
                $"{field}: a cli server connects with the default server's settings "
                + "(NightPos:DefaultServer); trust its certificate authority with "
                + $"NightPos:Delivery:TrustedCertificates instead.{kept}"));
        }

        if (draft.Encryption == ServerEncryption.None)
        {
            return (null, Problems.Invalid(field,
                $"{field}: encryption none sends in plain text, with no certificate to accept; "
                + $"use encryption starttls or ssl, or leave {field} false.{kept}"));
        }

        return (draft with { AcceptInvalidCertificate = true }, null);
    }

    // SPEC R7: a cli server connects with the default server's settings from the configuration
    // file, so the request's connection fields do not apply; a secret given with it would be
    // silently dropped, which is refused instead.
    private static (ServerDraft?, ProblemDetails?) DecideCli(
        IServerFields request,
        OutgoingServer? current,
        ServerDraft draft)
    {
        var secretField = request.Password is not null ? "password"
            : request.Certificate is not null ? "certificate"
            : request.PrivateKey is not null ? "privateKey"
            : null;
        if (secretField is not null)
        {
            return (null, Problems.Invalid(secretField,
                $"{secretField}: a cli server authenticates with the default server's settings "
                + "(NightPos:DefaultServer in the installation's configuration); leave "
                + $"{secretField} out."));
        }

        var credentials = current?.Secret is null
            ? CredentialsChange.Keep
            : CredentialsChange.Remove;
        return (draft with { Credentials = credentials }, null);
    }

    private static (ServerDraft?, ProblemDetails?) DecideConnection(
        IServerFields request,
        OutgoingServer? current,
        ServerDraft draft,
        ServersOptions options)
    {
        var connected = current is { Authentication: not ServerAuthentication.Cli }
            ? current
            : null;
        ProblemDetails? problem = null;

        var host = request.Host is null ? connected?.Host : ParseHost(request.Host, out problem);
        if (problem is not null || host is null)
        {
            return (null, problem ?? Problems.Invalid("host",
                "host is required: the SMTP server's name or IP address, e.g. smtp.example.com."));
        }

        var port = request.Port is null
            ? connected?.Port
            : ParsePort(request.Port.Value, options, out problem);
        if (problem is not null || port is null)
        {
            return (null, problem ?? Problems.Invalid("port",
                "port is required: 465 (ssl), 587 (starttls) or 2525."));
        }

        var encryption = request.Encryption is null
            ? connected?.Encryption
            : ParseWord<ServerEncryption>(request.Encryption, "encryption", out problem);
        if (problem is not null || encryption is null)
        {
            return (null, problem ?? Problems.Invalid("encryption",
                "encryption is required: none, starttls or ssl."));
        }

        var withConnection = draft with { Host = host, Port = port, Encryption = encryption };
        return draft.Authentication == ServerAuthentication.Login
            ? DecideLogin(request, current, withConnection)
            : DecideCertificate(request, current, withConnection);
    }

    private static (ServerDraft?, ProblemDetails?) DecideLogin(
        IServerFields request,
        OutgoingServer? current,
        ServerDraft draft)
    {
        var certificateField = request.Certificate is not null ? "certificate"
            : request.PrivateKey is not null ? "privateKey"
            : null;
        if (certificateField is not null)
        {
            return (null, Problems.Invalid(certificateField,
                $"{certificateField}: login authentication uses username and password; set "
                + "authentication to certificate to authenticate with a client certificate."));
        }

        var wasLogin = current?.Authentication == ServerAuthentication.Login;
        var username = wasLogin ? current!.Username : null;
        if (request.Username is not null)
        {
            username = request.Username.Trim();
            if (username.Length > MaxUsernameLength)
            {
                return (null, Problems.Invalid("username",
                    $"username: is longer than {MaxUsernameLength} characters."));
            }

            username = username.Length == 0 ? null : username;
        }

        var credentials = CredentialsChange.Keep;
        var hasPassword = wasLogin && current!.Secret is { HasPassword: true };
        if (request.Password is { Length: 0 })
        {
            credentials = current?.Secret is null
                ? CredentialsChange.Keep
                : CredentialsChange.Remove;
            hasPassword = false;
        }
        else if (request.Password is not null)
        {
            if (request.Password.Length > MaxPasswordLength)
            {
                return (null, Problems.Invalid("password",
                    $"password: is longer than {MaxPasswordLength} characters."));
            }

            credentials = CredentialsChange.Replace(
                new ServerSecrets(request.Password, null, null));
            hasPassword = true;
        }
        else if (!wasLogin && current?.Secret is not null)
        {
            credentials = CredentialsChange.Remove;
        }

        if (username is not null && !hasPassword)
        {
            return (null, Problems.Invalid("password",
                "password: is required with a username; give both, or neither for a server "
                + "that relays without authentication."));
        }

        if (username is null && hasPassword)
        {
            return (null, Problems.Invalid("username",
                "username: is required with a password; give both, or neither for a server "
                + "that relays without authentication."));
        }

        return (draft with { Username = username, Credentials = credentials }, null);
    }

    private static (ServerDraft?, ProblemDetails?) DecideCertificate(
        IServerFields request,
        OutgoingServer? current,
        ServerDraft draft)
    {
        if (draft.Encryption == ServerEncryption.None)
        {
            var field = request.Encryption is not null ? "encryption" : "authentication";
            return (null, Problems.Invalid(field,
                $"{field}: certificate authentication needs encryption starttls or ssl, since the "
                + "client certificate is presented during the TLS handshake."));
        }

        var loginField = request.Password is { Length: > 0 } ? "password"
            : request.Username is { Length: > 0 } ? "username"
            : null;
        if (loginField is not null)
        {
            return (null, Problems.Invalid(loginField,
                $"{loginField}: certificate authentication uses certificate and privateKey; set "
                + "authentication to login to authenticate with a username and password."));
        }

        if (request.Certificate is null && request.PrivateKey is null)
        {
            var kept = current is { Authentication: ServerAuthentication.Certificate }
                && current.Secret is { HasCertificate: true };
            return kept
                ? (draft, null)
                : (null, Problems.Invalid("certificate",
                    "certificate: is required with certificate authentication, with its "
                    + "privateKey, both in PEM form."));
        }

        if (request.Certificate is null || request.PrivateKey is null)
        {
            var missing = request.Certificate is null ? "certificate" : "privateKey";
            return (null, Problems.Invalid(missing,
                $"{missing}: certificate and privateKey are replaced together; give both."));
        }

        var problem = CheckCertificate(request.Certificate, request.PrivateKey);
        return problem is not null
            ? (null, problem)
            : (draft with
            {
                Credentials = CredentialsChange.Replace(
                    new ServerSecrets(null, request.Certificate, request.PrivateKey)),
            }, null);
    }

    private static ProblemDetails? CheckCertificate(string certificatePem, string privateKeyPem)
    {
        if (certificatePem.Length > MaxPemLength || privateKeyPem.Length > MaxPemLength)
        {
            var field = certificatePem.Length > MaxPemLength ? "certificate" : "privateKey";
            return Problems.Invalid(field, $"{field}: is longer than {MaxPemLength} characters.");
        }

        try
        {
            using var certificate = X509Certificate2.CreateFromPem(certificatePem, privateKeyPem);
            return null;
        }
        catch (CryptographicException)
        {
            return Problems.Invalid("certificate",
                "certificate: certificate and privateKey must be a PEM certificate "
                + "(-----BEGIN CERTIFICATE-----) and its matching PEM private key.");
        }
        catch (ArgumentException)
        {
            return Problems.Invalid("privateKey",
                "privateKey: is not a PEM private key (-----BEGIN PRIVATE KEY-----).");
        }
    }

    // CR or LF in any one-line field is refused (SPEC R17): such values end up in SMTP commands
    // and logs. PEM texts are multi-line by nature and are parsed as PEM instead.
    private static ProblemDetails? CheckText(IServerFields request)
    {
        (string Field, string? Value)[] lines =
        [
            ("name", request.Name),
            ("host", request.Host),
            ("encryption", request.Encryption),
            ("authentication", request.Authentication),
            ("username", request.Username),
            ("password", request.Password),
            ("fromFilter", request.FromFilter),
        ];
        foreach (var (field, value) in lines)
        {
            if (value is not null && value.Any(char.IsControl))
            {
                return Problems.Invalid(field,
                    $"{field}: contains a line break or another control character; remove it.");
            }
        }

        return null;
    }

    private static string? ParseName(string raw, out ProblemDetails? problem)
    {
        var name = raw.Trim();
        problem = name.Length == 0
            ? Problems.Invalid("name", "name: is empty; give the server a name, e.g. \"Mailjet\".")
            : name.Length > MaxNameLength
                ? Problems.Invalid("name", $"name: is longer than {MaxNameLength} characters.")
                : null;
        return problem is null ? name : null;
    }

    private static string? ParseHost(string raw, out ProblemDetails? problem)
    {
        var host = ServerHost.Normalize(raw, out var error);
        problem = host is null
            ? Problems.Invalid("host", $"host: '{raw.Trim()}' {error}; give the SMTP server's "
                + "name or IP address, e.g. smtp.example.com.")
            : null;
        return host;
    }

    private static int? ParsePort(long port, ServersOptions options, out ProblemDetails? problem)
    {
        // SPEC R8: most networks block outgoing port 25, and a server configured on it would
        // fail later at delivery rather than now.
        problem = port is < 1 or > 65535
            ? Problems.Invalid("port", $"port: {port} is not a TCP port (1-65535); use 465 (ssl), "
                + "587 (starttls) or 2525.")
            : port == BlockedPort && !options.AllowPort25
                ? Problems.Invalid("port", "port: 25 is refused for outgoing servers, since most "
                    + "networks block it; use 465 (ssl), 587 (starttls) or 2525. An installation "
                    + "whose network allows it may set NightPos:Servers:AllowPort25.")
                : null;
        return problem is null ? (int)port : null;
    }

    private static T? ParseWord<T>(string raw, string field, out ProblemDetails? problem)
        where T : struct, Enum
    {
        var word = raw.Trim();
        var names = Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToArray();
        var index = Array.IndexOf(names, word);
        problem = index < 0
            ? Problems.Invalid(
                field, $"{field}: '{word}' is not one of {string.Join(", ", names)}.")
            : null;
        return index < 0 ? null : Enum.GetValues<T>()[index];
    }

    private static FromFilter? ParseFilter(
        IServerFields request,
        OutgoingServer? current,
        ServerAuthentication authentication,
        ServersOptions options,
        out ProblemDetails? problem)
    {
        problem = null;
        if (request.FromFilter is not null)
        {
            var filter = FromFilter.Parse(request.FromFilter, out var error);
            problem = filter is null
                ? Problems.Invalid("fromFilter", $"fromFilter: {error}.")
                : null;
            return filter;
        }

        if (current is not null)
        {
            return FromFilter.FromStored(current.FromFilter);
        }

        // SPEC R7: a cli server created without a filter gets the database subdomain, so that
        // custom-domain mail goes out through the external servers.
        return authentication == ServerAuthentication.Cli
            ? FromFilter.FromStored(options.DatabaseDomain)
            : FromFilter.Empty;
    }
}
