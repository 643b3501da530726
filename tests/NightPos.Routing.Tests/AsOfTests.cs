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
    private const string Partner = "partner.example.com";

    private NightPosApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await NightPosApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Preview_at_past_instants_answers_as_each_configuration_stood()
    {
        const string asNotification = $"Pat <notifications@{Domain}>";
        const string asAuthor = "Pat <pat@partner.example.com>";
        var company = Guid.Empty;
        var partner = Guid.Empty;

        // Each change, then what the preview answers once it is made: server, rule, header
        // From, envelope sender.
        var steps = new (string Step, Func<Task> Change, Answer Expected)[]
        {
            ("fresh", () => Task.CompletedTask,
                new(null, "default-server", asNotification, $"bounce@{Domain}")),
            ("company relay", async () => company = await AddServerAsync("Company relay", Domain, 10),
                new("Company relay", "notification-domain", asNotification, $"bounce@{Domain}")),
            ("partner relay", async () => partner = await AddServerAsync("Partner relay", Partner, 0),
                new("Partner relay", "domain", asAuthor, "pat@partner.example.com")),
            ("partner archived", () => ArchiveAsync(partner),
                new("Company relay", "notification-domain", asNotification, $"bounce@{Domain}")),
            ("bounce renamed", RenameBounceAsync,
                new("Company relay", "notification-domain", asNotification, $"returns@{Domain}")),
            ("company archived", () => ArchiveAsync(company),
                new(null, "default-server", asNotification, $"returns@{Domain}")),
            ("parameter emptied", EmptyDefaultFilterAsync,
                new(null, "default-server", asAuthor, $"returns@{Domain}")),
        };

        var instants = new List<DateTimeOffset>();
        foreach (var step in steps)
        {
            await step.Change();
            instants.Add(Now());
        }

        for (var i = 0; i < steps.Length; i++)
        {
            var answer = Answer.Of(await PreviewAsync(instants[i]));
            Assert.True(steps[i].Expected == answer, $"At '{steps[i].Step}': {answer}");
        }

        Assert.Equal(steps[^1].Expected, Answer.Of(await PreviewAsync(null)));
    }

    [Fact]
    public async Task Configuration_at_past_instants_shows_what_was_configured_then()
    {
        var fresh = Now();
        var server = await AddServerAsync("Relay", Domain, 10);
        var added = Now();
        await SendAsync(HttpMethod.Patch, $"/api/servers/{server}", new() { ["priority"] = 3 }, 200);

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

    private async Task<Guid> AddServerAsync(string name, string filter, int priority)
    {
        var created = await SendAsync(HttpMethod.Post, "/api/servers", Server(name, filter, priority), 201);
        return created.GetProperty("id").GetGuid();
    }

    private Task ArchiveAsync(Guid server) =>
        SendAsync(HttpMethod.Patch, $"/api/servers/{server}", new() { ["active"] = false }, 200);

    private async Task RenameBounceAsync()
    {
        var aliasDomain = await DefaultAliasDomainIdAsync();
        await SendAsync(
            HttpMethod.Patch, $"/api/alias-domains/{aliasDomain}", new() { ["bounceAlias"] = "returns" }, 200);
    }

    private Task EmptyDefaultFilterAsync() =>
        SendAsync(HttpMethod.Put, "/api/parameters/mail.default.from_filter", new() { ["value"] = "" }, 200);

    private static int PriorityOfOnlyServer(JsonElement configuration) =>
        configuration.GetProperty("servers").GetProperty("servers").EnumerateArray().Single()
            .GetProperty("priority").GetInt32();

    private static Dictionary<string, object?> Server(string name, string filter, int priority) =>
        new()
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
            s.Post.Json(new { from = Author, kind = "transactional", at })
                .ToUrl("/api/routing/preview");
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

    /// <summary>The parts of a preview answer the as-of test compares.</summary>
    private sealed record Answer(string? Server, string Rule, string HeaderFrom, string Envelope)
    {
        public static Answer Of(JsonElement preview) => new(
            preview.GetProperty("serverId").ValueKind == JsonValueKind.Null
                ? null
                : preview.GetProperty("serverName").GetString(),
            preview.GetProperty("rule").GetString()!,
            preview.GetProperty("headerFrom").GetString()!,
            preview.GetProperty("envelopeFrom").GetString()!);
    }
}
