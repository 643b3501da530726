using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NightPos.Kernel;
using NightPos.Testing;

namespace NightPos.Host.Tests;

/// <summary>
/// Every API route the host serves, asked with no key, a wrong key and each role's key. The
/// routes come from the host's own endpoint list, so a route added without an entry in
/// <see cref="ApiRoutes"/> fails here instead of being forgotten.
/// </summary>
public sealed partial class AuthorizationMatrixTests(NightPosApp app)
{
    private static readonly (string? Role, string? Key)[] Callers =
    [
        (null, null),
        (null, "wrong-key-of-no-role-at-all"),
        (Roles.Sender, TestKeys.Sender),
        (Roles.Auditor, TestKeys.Auditor),
        (Roles.Admin, TestKeys.Admin),
    ];

    [Fact]
    public void Every_served_route_has_the_policy_API_md_gives_it()
    {
        var served = ServedRoutes();

        var unlisted = served.Keys.Except(ApiRoutes.Policies.Keys).ToList();
        var missing = ApiRoutes.Policies.Keys.Except(served.Keys).ToList();
        var wrong = served
            .Where(r => ApiRoutes.Policies.TryGetValue(r.Key, out var policy) && policy != r.Value)
            .Select(r => $"{r.Key}: {r.Value ?? "no policy"}, "
                + $"expected {ApiRoutes.Policies[r.Key]}")
            .ToList();

        Assert.Empty(unlisted);
        Assert.Empty(missing);
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task Every_route_answers_each_caller_as_its_role_allows()
    {
        var client = app.Host.Server.CreateClient();
        var failures = new List<string>();

        foreach (var route in ServedRoutes().Keys.Where(ApiRoutes.Policies.ContainsKey))
        {
            var allowed = ApiRoutes.RolesOf(ApiRoutes.Policies[route]);
            foreach (var (role, key) in Callers)
            {
                var status = await SendAsync(client, route, key);
                var expected = role is null ? "401"
                    : allowed.Contains(role) ? "not 401/403"
                    : "403";
                var ok = expected switch
                {
                    "401" => status == HttpStatusCode.Unauthorized,
                    "403" => status == HttpStatusCode.Forbidden,
                    _ => status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden),
                };
                if (!ok)
                {
                    failures.Add($"{route} as {role ?? key ?? "no key"}: {(int)status}, "
                        + $"expected {expected}");
                }
            }
        }

        Assert.Empty(failures);
    }

    // "GET /api/servers/{}" -> its policy, for every endpoint under /api.
    private Dictionary<string, string?> ServedRoutes()
    {
        var endpoints = app.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/") == true);

        var routes = new Dictionary<string, string?>();
        foreach (var endpoint in endpoints)
        {
            var pattern = endpoint.RoutePattern.RawText!.TrimStart('/');
            var path = Parameter().Replace(pattern, "{}");
            var policy = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
                .Select(a => a.Policy)
                .LastOrDefault(p => p is not null);
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods
                ?? ["GET"];
            foreach (var method in methods)
            {
                routes[$"{method} /{path}"] = policy;
            }
        }

        return routes;
    }

    private static async Task<HttpStatusCode> SendAsync(
        HttpClient client,
        string route,
        string? key)
    {
        var parts = route.Split(' ', 2);
        var path = parts[1].Replace("{}", Guid.NewGuid().ToString());
        using var request = new HttpRequestMessage(new HttpMethod(parts[0]), path);
        if (parts[0] is not ("GET" or "DELETE"))
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();
}
