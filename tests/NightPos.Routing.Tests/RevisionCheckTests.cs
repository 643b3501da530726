using System.Text.Json;
using Alba;
using Microsoft.AspNetCore.Hosting;
using NightPos.Testing;

namespace NightPos.Routing.Tests;

/// <summary>
/// ADR 0020 with three hosts on one database, as three processes of one installation (SPEC
/// R18): the first two trust their routing table for an hour, the third asks the revisions
/// before every decision. A change is made through one host, then previewed on each at once.
/// </summary>
public sealed class RevisionCheckTests : IAsyncLifetime
{
    private NightPosApp _first = null!;
    private NightPosApp _second = null!;
    private NightPosApp _everyDecision = null!;

    public async ValueTask InitializeAsync()
    {
        _first = await NightPosApp.StartAsync(Interval("01:00:00"));
        _second = await NightPosApp.StartOnAsync(_first.ConnectionString, Interval("01:00:00"));
        _everyDecision = await NightPosApp.StartOnAsync(_first.ConnectionString, Interval("0"));
    }

    public async ValueTask DisposeAsync()
    {
        await _everyDecision.DisposeAsync();
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    [Fact]
    public async Task A_host_uses_its_own_server_change_in_the_next_decision()
    {
        var domain = UniqueDomain();
        var before = await RuleAsync(_first, domain);

        await AddServerAsync(_first, domain);

        Assert.NotEqual("domain", before);
        Assert.Equal("domain", await RuleAsync(_first, domain));
    }

    [Fact]
    public async Task A_host_uses_its_own_alias_domain_change_in_the_next_decision()
    {
        // No server takes the author's domain, so the header From is the notification address.
        var domain = UniqueDomain();
        var alias = $"news-{domain[..8]}";
        var before = await PreviewAsync(_first, domain);

        await _first.Host.SendAsAdminAsync(
            HttpMethod.Patch,
            $"/api/alias-domains/{await DefaultAliasDomainAsync(_first)}",
            new() { ["defaultFrom"] = alias },
            200);
        var after = await PreviewAsync(_first, domain);

        Assert.DoesNotContain(alias, before.GetProperty("headerFrom").GetString());
        Assert.Contains($"<{alias}@", after.GetProperty("headerFrom").GetString());
    }

    [Fact]
    public async Task Another_host_s_change_waits_for_the_interval_unless_this_host_commits_one()
    {
        var domain = UniqueDomain();
        var before = await RuleAsync(_second, domain);

        await AddServerAsync(_first, domain);
        var stale = await RuleAsync(_second, domain);
        await AddServerAsync(_second, UniqueDomain());
        var afterOwnChange = await RuleAsync(_second, domain);

        Assert.NotEqual("domain", before);
        Assert.NotEqual("domain", stale);
        Assert.Equal("domain", afterOwnChange);
    }

    [Fact]
    public async Task A_host_with_a_zero_interval_uses_another_host_s_change_at_once()
    {
        var domain = UniqueDomain();
        var before = await RuleAsync(_everyDecision, domain);

        await AddServerAsync(_first, domain);

        Assert.NotEqual("domain", before);
        Assert.Equal("domain", await RuleAsync(_everyDecision, domain));
    }

    private static Action<IWebHostBuilder> Interval(string interval) =>
        builder => builder.UseSetting("NightPos:Routing:RevisionCheckInterval", interval);

    private static string UniqueDomain() => $"{Guid.NewGuid():N}.example";

    private static Task AddServerAsync(NightPosApp app, string domain) =>
        app.Host.SendAsAdminAsync(HttpMethod.Post, "/api/servers", new()
        {
            ["name"] = $"Relay of {domain}",
            ["host"] = "smtp.revisions.test",
            ["port"] = 587,
            ["encryption"] = "starttls",
            ["authentication"] = "login",
            ["username"] = "routing",
            ["password"] = "routing-password",
            ["fromFilter"] = domain,
            ["priority"] = 10,
        }, 201);

    private static async Task<Guid> DefaultAliasDomainAsync(NightPosApp app)
    {
        var domains = await app.Host.GetAsAdminAsync("/api/alias-domains");
        return domains.EnumerateArray()
            .Single(d => d.GetProperty("domain").GetString() == "company-name.nightpos.com")
            .GetProperty("id").GetGuid();
    }

    private static async Task<string> RuleAsync(NightPosApp app, string domain) =>
        (await PreviewAsync(app, domain)).GetProperty("rule").GetString()!;

    private static async Task<JsonElement> PreviewAsync(NightPosApp app, string domain)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Post.Json(new { from = $"Pat <pat@{domain}>", kind = "transactional" })
                .ToUrl("/api/routing/preview");
            s.AsAuditor();
            s.StatusCodeShouldBeOk();
        });
        return await result.ReadAsJsonAsync<JsonElement>();
    }
}
