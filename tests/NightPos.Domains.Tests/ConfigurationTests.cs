using NightPos.Domains.Contracts;
using NightPos.Domains.Tests.Support;
using NightPos.Testing;

namespace NightPos.Domains.Tests;

/// <summary>
/// The in-process contract the routing code reads the configuration through (ADR 0006).
/// </summary>
public sealed class ConfigurationTests(NightPosApp app)
{
    [Fact]
    public async Task The_current_configuration_holds_every_alias_domain_company_and_parameter()
    {
        var domain = DomainsApi.UniqueDomain();
        var aliasDomain = (await app.Host.AddAliasDomainAsync(new { domain, defaultFrom = "hello" })).Id();
        var company = (await app.Host.AddCompanyAsync(
            new { name = "Listed Ltd", aliasDomainId = aliasDomain })).Id();
        await app.Host.Scenario(s =>
        {
            s.Put.Json(new { value = "Good night" }).ToUrl("/api/parameters/crm.greeting");
            s.AsAdmin();
        });

        var configuration = await CurrentAsync();

        Assert.Equal("company-name.nightpos.com", configuration.DatabaseDomain);
        var listed = Assert.Single(configuration.AliasDomains, d => d.Id == aliasDomain);
        Assert.Equal(
            (domain, "bounce", "catchall", "hello", 10),
            (listed.Domain, listed.BounceAlias, listed.CatchallAlias, listed.DefaultFrom, listed.Sequence));
        Assert.Equal($"hello@{domain}", listed.NotificationAddress);
        Assert.Equal(
            aliasDomain,
            Assert.Single(configuration.Companies, c => c.Id == company).AliasDomainId);
        Assert.Equal("My Company", configuration.Companies[0].Name);
        Assert.Equal(
            "company-name.nightpos.com",
            configuration.Parameters[ParameterKeys.DefaultFromFilter]);
        Assert.Equal("Good night", configuration.Parameters["crm.greeting"]);
        var sequences = configuration.AliasDomains.Select(d => d.Sequence).ToList();
        Assert.Equal(sequences.Order(), sequences);
    }

    [Fact]
    public async Task The_revision_changes_with_every_change_and_with_nothing_else()
    {
        var id = (await app.Host.AddAliasDomainAsync(DomainsApi.UniqueDomain())).Id();
        var first = await RevisionAsync();

        Assert.Equal(first, await RevisionAsync());
        Assert.Equal(first, (await CurrentAsync()).Revision);

        await app.Host.RefusedAsync(
            s => s.Patch.Json(new { bounceAlias = "no good" }).ToUrl($"/api/alias-domains/{id}"),
            400);
        await app.Host.PatchAliasDomainAsync(id, new { sequence = 10 });
        Assert.Equal(first, await RevisionAsync());

        await app.Host.PatchAliasDomainAsync(id, new { sequence = 11 });
        var second = await RevisionAsync();
        Assert.NotEqual(first, second);
        Assert.Equal(second, (await CurrentAsync()).Revision);

        await app.Host.AddCompanyAsync(new { name = "Revises Ltd" });
        Assert.NotEqual(second, await RevisionAsync());
    }

    private Task<DomainsConfiguration> CurrentAsync() =>
        app.Host.InvokeAsync<DomainsConfiguration>(new GetDomainsConfiguration());

    private Task<Guid> RevisionAsync() =>
        app.Host.InvokeAsync<Guid>(new GetDomainsConfigurationRevision());
}
