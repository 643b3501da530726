using Alba;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NightPos.Domains.AliasDomains;
using NightPos.Domains.Bootstrap;
using NightPos.Domains.Companies;
using NightPos.Domains.Parameters;
using NightPos.Domains.Tests.Support;
using NightPos.Testing;

namespace NightPos.Domains.Tests;

/// <summary>
/// SPEC R1 and ADR 0007: the defaults are appended once per database, never twice.
/// </summary>
public sealed class BootstrapTests
{
    [Fact]
    public async Task Two_hosts_starting_together_on_an_empty_database_append_the_defaults_once()
    {
        await using var database = await EmptyDatabase.CreateAsync();

        var hosts = await Task.WhenAll(database.StartHostAsync(), database.StartHostAsync());
        try
        {
            Assert.Equal(DefaultEventTypes, await EventTypesAsync(hosts[0].Host));
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Concurrent_bootstraps_on_one_store_append_the_defaults_once()
    {
        await using var database = await EmptyDatabase.CreateAsync();
        await using var app = await database.StartHostAsync();
        var store = app.Host.Services.GetRequiredService<IDocumentStore>();
        await store.Advanced.Clean.DeleteAllEventDataAsync(Cancel);
        await store.Advanced.Clean.DeleteAllDocumentsAsync(Cancel);

        // Both skip the existence check and go straight for the commit, so one of them must
        // lose on the stream ids rather than on timing.
        var outcomes = await Task.WhenAll(
            Enumerable.Range(0, 4).Select(_ => Bootstrap(app).AppendDefaultsAsync(Cancel)));

        Assert.Single(outcomes, o => o == BootstrapOutcome.Created);
        Assert.All(
            outcomes.Where(o => o != BootstrapOutcome.Created),
            o => Assert.Equal(BootstrapOutcome.CreatedElsewhere, o));
        Assert.Equal(DefaultEventTypes, await EventTypesAsync(app.Host));
    }

    [Fact]
    public async Task Restarting_on_a_database_with_defaults_appends_nothing()
    {
        await using var database = await EmptyDatabase.CreateAsync();
        await using (await database.StartHostAsync())
        {
        }

        await using var second = await database.StartHostAsync();

        Assert.Equal(BootstrapOutcome.AlreadyPresent, await Bootstrap(second).RunAsync(Cancel));
        Assert.Equal(DefaultEventTypes, await EventTypesAsync(second.Host));
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly IReadOnlyList<Type> DefaultEventTypes =
        [typeof(AliasDomainAdded), typeof(CompanyAdded), typeof(ParameterSet)];

    private static DomainsBootstrap Bootstrap(NightPosApp app) =>
        new(
            app.Host.Services.GetRequiredService<IDocumentStore>(),
            app.Host.Services.GetRequiredService<IOptions<DomainsOptions>>(),
            NullLogger<DomainsBootstrap>.Instance);

    private static async Task<IReadOnlyList<Type>> EventTypesAsync(IAlbaHost host)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync(Cancel);
        return events.Select(e => e.EventType).ToList();
    }
}
