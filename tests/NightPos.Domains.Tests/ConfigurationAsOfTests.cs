using System.Text.Json;
using Alba;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NightPos.Domains.Contracts;
using NightPos.Domains.Tests.Support;
using NightPos.Testing;

namespace NightPos.Domains.Tests;

/// <summary>
/// SPEC R16: the configuration as it stood at any past instant, rebuilt from the events up to
/// it, and the history that carries who and when. Runs on a host of its own whose clock the
/// test moves, so that every change has an instant of its own.
/// </summary>
public sealed class ConfigurationAsOfTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2030, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);
    private NightPosApp? _app;

    private IAlbaHost Host => _app!.Host;

    public async ValueTask InitializeAsync() =>
        _app = await NightPosApp.StartAsync(builder =>
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(_clock)));

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Each_past_instant_answers_the_configuration_of_that_instant()
    {
        var added = await At(Start.AddMinutes(1), () => Host.AddAliasDomainAsync("shop.example.com"));
        var id = added.Id();
        await At(Start.AddMinutes(2), () =>
            Host.PatchAliasDomainAsync(id, new { domain = "store.example.com", bounceAlias = "returns" }));
        await At(Start.AddMinutes(3), () => Host.Scenario(s =>
        {
            s.Put.Json(new { value = "store.example.com" })
                .ToUrl("/api/parameters/mail.default.from_filter");
            s.AsAdmin();
        }));
        var company = await At(Start.AddMinutes(4), () =>
            Host.AddCompanyAsync(new { name = "Second Ltd", aliasDomainId = id }));
        var byDefault = await Host.DefaultAliasDomainIdAsync();

        var before = await AsOfAsync(Start.AddTicks(-10));
        Assert.Empty(before.AliasDomains);
        Assert.Empty(before.Companies);
        Assert.Empty(before.Parameters);
        Assert.Equal(Guid.Empty, before.Revision);

        var bootstrapped = await AsOfAsync(Start);
        Assert.Equal([byDefault], bootstrapped.AliasDomains.Select(d => d.Id));
        Assert.Equal(["My Company"], bootstrapped.Companies.Select(c => c.Name));
        Assert.Equal(
            "company-name.nightpos.com",
            bootstrapped.Parameters[ParameterKeys.DefaultFromFilter]);

        var first = await AsOfAsync(Start.AddMinutes(1).AddSeconds(59));
        var shop = Assert.Single(first.AliasDomains, d => d.Id == id);
        Assert.Equal(
            ("shop.example.com", "bounce", Start.AddMinutes(1)),
            (shop.Domain, shop.BounceAlias, shop.CreatedAt));

        var renamed = Assert.Single((await AsOfAsync(Start.AddMinutes(2))).AliasDomains, d => d.Id == id);
        Assert.Equal(
            ("store.example.com", "returns@store.example.com"),
            (renamed.Domain, renamed.BounceAddress));
        Assert.Equal(
            "company-name.nightpos.com",
            (await AsOfAsync(Start.AddMinutes(2))).Parameters[ParameterKeys.DefaultFromFilter]);

        var third = await AsOfAsync(Start.AddMinutes(3));
        Assert.Equal("store.example.com", third.Parameters[ParameterKeys.DefaultFromFilter]);
        Assert.Single(third.Companies);

        var fourth = await AsOfAsync(Start.AddMinutes(4));
        Assert.Equal(
            [bootstrapped.Companies[0].Id, company.Id()],
            fourth.Companies.Select(c => c.Id));
        Assert.NotEqual(third.Revision, fourth.Revision);
    }

    [Fact]
    public async Task The_latest_instant_answers_exactly_the_current_configuration()
    {
        var id = (await At(Start.AddMinutes(1), () => Host.AddAliasDomainAsync("now.example.com"))).Id();
        await At(Start.AddMinutes(2), () =>
            Host.PatchAliasDomainAsync(id, new { catchallAlias = "replies" }));
        await At(Start.AddMinutes(3), () => Host.AddCompanyAsync(new { name = "Now Ltd" }));

        var current = await Host.InvokeAsync<DomainsConfiguration>(new GetDomainsConfiguration());
        var asOf = await AsOfAsync(Start.AddMinutes(10));

        Assert.Equal(JsonSerializer.Serialize(current), JsonSerializer.Serialize(asOf));
    }

    [Fact]
    public async Task History_records_the_actor_and_the_instant_of_each_change()
    {
        var id = (await At(Start.AddMinutes(5), () => Host.AddAliasDomainAsync("history.example.com"))).Id();

        var history = await Host.GetJsonAsync("/api/history");

        var entries = history.EnumerateArray().ToList();
        var bootstrap = entries.Take(3).ToList();
        Assert.Equal(
            ["alias_domain_added", "company_added", "parameter_set"],
            bootstrap.Select(e => e.Text("type")));
        Assert.All(bootstrap, e => Assert.Equal("system", e.Text("actor")));
        Assert.All(bootstrap, e => Assert.Equal(Start, e.GetProperty("at").GetDateTimeOffset()));
        var added = Assert.Single(entries, e => e.GetProperty("stream").GetGuid() == id);
        Assert.Equal("admin", added.Text("actor"));
        Assert.Equal("alias_domain_added", added.Text("type"));
        Assert.Equal(Start.AddMinutes(5), added.GetProperty("at").GetDateTimeOffset());
        Assert.Equal("history.example.com", added.GetProperty("data").Text("domain"));
    }

    private async Task<T> At<T>(DateTimeOffset instant, Func<Task<T>> change)
    {
        _clock.SetUtcNow(instant);
        return await change();
    }

    private Task<DomainsConfiguration> AsOfAsync(DateTimeOffset at) =>
        Host.InvokeAsync<DomainsConfiguration>(new GetDomainsConfiguration(at));
}
