using System.Text.Json;
using Alba;
using NightPos.Testing;

namespace NightPos.Routing.Tests;

/// <summary>
/// SPEC R16: the configuration is changed several times, then the preview and the configuration
/// are asked about each instant in between and must answer as the product did then.
/// </summary>
public sealed class AsOfTests : IAsyncLifetime
{
    private const string Domain = "company-name.nightpos.com";
    private const string Author = "\"Pat\" <pat@partner.example.com>";

    private NightPosApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await NightPosApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Preview_at_past_instants_answers_as_each_configuration_stood()
    {
        var instants = new List<(string Step, DateTimeOffset At)> { ("fresh", Now()) };
        var company = await SendAsync(HttpMethod.Post, "/api/servers", Server("Company relay", Domain, 10), 201);
        instants.Add(("company relay", Now()));
        var partner = await SendAsync(HttpMethod.Post, "/api/servers", Server("Partner relay", "partner.example.com", 0), 201);
        instants.Add(("partner relay", Now()));
        await SendAsync(HttpMethod.Patch, $"/api/servers/{Id(partner)}", new() { ["active"] = false }, 200);
        instants.Add(("partner archived", Now()));
        var aliasDomain = await DefaultAliasDomainIdAsync();
        await SendAsync(HttpMethod.Patch, $"/api/alias-domains/{aliasDomain}", new() { ["bounceAlias"] = "returns" }, 200);
        instants.Add(("bounce renamed", Now()));
        await SendAsync(HttpMethod.Patch, $"/api/servers/{Id(company)}", new() { ["active"] = false }, 200);
        instants.Add(("company archived", Now()));
        await SendAsync(HttpMethod.Put, "/api/parameters/mail.default.from_filter", new() { ["value"] = "" }, 200);
        instants.Add(("parameter emptied", Now()));

        var expected = new Dictionary<string, (string? Server, string Rule, string HeaderFrom, string Envelope)>
        {
            ["fresh"] = (null, "default-server", $"Pat <notifications@{Domain}>", $"bounce@{Domain}"),
            ["company relay"] = ("Company relay", "notification-domain", $"Pat <notifications@{Domain}>", $"bounce@{Domain}"),
            ["partner relay"] = ("Partner relay", "domain", "Pat <pat@partner.example.com>", "pat@partner.example.com"),
            ["partner archived"] = ("Company relay", "notification-domain", $"Pat <notifications@{Domain}>", $"bounce@{Domain}"),
            ["bounce renamed"] = ("Company relay", "notification-domain", $"Pat <notifications@{Domain}>", $"returns@{Domain}"),
            ["company archived"] = (null, "default-server", $"Pat <notifications@{Domain}>", $"returns@{Domain}"),
            ["parameter emptied"] = (null, "default-server", "Pat <pat@partner.example.com>", $"returns@{Domain}"),
        };

        foreach (var (step, at) in instants)
        {
            var answer = await PreviewAsync(at);
            var actual = (
                answer.GetProperty("serverId").ValueKind == JsonValueKind.Null
                    ? null
                    : answer.GetProperty("serverName").GetString(),
                answer.GetProperty("rule").GetString()!,
                answer.GetProperty("headerFrom").GetString()!,
                answer.GetProperty("envelopeFrom").GetString()!);
            Assert.True(expected[step] == actual, $"At '{step}': expected {expected[step]}, got {actual}");
        }

        var present = await PreviewAsync(null);
        Assert.Equal("Pat <pat@partner.example.com>", present.GetProperty("headerFrom").GetString());
    }

    [Fact]
    public async Task Configuration_at_past_instants_shows_what_was_configured_then()
    {
        var fresh = Now();
        var server = await SendAsync(HttpMethod.Post, "/api/servers", Server("Relay", Domain, 10), 201);
        var added = Now();
        await SendAsync(HttpMethod.Patch, $"/api/servers/{Id(server)}", new() { ["priority"] = 3 }, 200);

        var before = await ConfigurationAsync(fresh);
        var between = await ConfigurationAsync(added);
        var now = await ConfigurationAsync(null);

        Assert.Equal(0, before.GetProperty("servers").GetProperty("servers").GetArrayLength());
        Assert.Equal(10, PriorityOfOnlyServer(between));
        Assert.Equal(3, PriorityOfOnlyServer(now));
        Assert.Equal(Domain, now.GetProperty("domains").GetProperty("databaseDomain").GetString());
        Assert.DoesNotContain("routing-password", now.GetRawText());
    }

    [Fact]
    public async Task Preview_before_the_installation_existed_is_refused()
    {
        var result = await _app.Host.Scenario(s =>
        {
            s.Post.Json(new { from = Author, kind = "transactional", at = Now().AddYears(-1) })
                .ToUrl("/api/routing/preview");
            s.AsAuditor();
            s.StatusCodeShouldBe(400);
        });

        var problem = await result.ReadAsJsonAsync<JsonElement>();
        Assert.Equal("at", problem.GetProperty("field").GetString());
    }

    private static DateTimeOffset Now() => DateTimeOffset.UtcNow;

    private static Guid Id(JsonElement created) => created.GetProperty("id").GetGuid();

    private static int PriorityOfOnlyServer(JsonElement configuration) =>
        configuration.GetProperty("servers").GetProperty("servers").EnumerateArray().Single()
            .GetProperty("priority").GetInt32();

    private static Dictionary<string, object?> Server(string name, string filter, int priority) => new()
    {
        ["name"] = name,
        ["host"] = "smtp.as-of.test",
        ["port"] = 587,
        ["encryption"] = "starttls",
        ["authentication"] = "login",
        ["username"] = "routing",
        ["password"] = "routing-password",
        ["fromFilter"] = filter,
        ["priority"] = priority,
    };

    private async Task<Guid> DefaultAliasDomainIdAsync()
    {
        var domains = await _app.Host.GetAsAdminAsync("/api/alias-domains");
        return domains.EnumerateArray()
            .Single(d => d.GetProperty("domain").GetString() == Domain)
            .GetProperty("id").GetGuid();
    }

    private async Task<JsonElement> PreviewAsync(DateTimeOffset? at)
    {
        var result = await _app.Host.Scenario(s =>
        {
            s.Post.Json(new { from = Author, kind = "transactional", at }).ToUrl("/api/routing/preview");
            s.AsAuditor();
            s.StatusCodeShouldBeOk();
        });
        return await result.ReadAsJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> ConfigurationAsync(DateTimeOffset? at)
    {
        var query = at is { } instant ? $"?at={Uri.EscapeDataString(instant.ToString("O"))}" : "";
        var result = await _app.Host.Scenario(s =>
        {
            s.Get.Url($"/api/configuration{query}");
            s.AsAuditor();
            s.StatusCodeShouldBeOk();
        });
        return await result.ReadAsJsonAsync<JsonElement>();
    }

    private Task<JsonElement> SendAsync(
        HttpMethod method,
        string url,
        Dictionary<string, object?> body,
        int status) =>
        _app.Host.SendAsAdminAsync(method, url, body, status);
}
