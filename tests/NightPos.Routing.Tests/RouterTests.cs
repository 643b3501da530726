using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NightPos.Dispatch.Contracts;
using NightPos.Dispatch.Routing;
using NightPos.Domains.Contracts;
using NightPos.Servers.Contracts;

namespace NightPos.Routing.Tests;

/// <summary>
/// How the router keeps its one table current and answers as of a past instant (ADR 0010),
/// against a configuration source whose revisions the test moves.
/// </summary>
public sealed class RouterTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeSource _source = new();
    private readonly RoutingTableCache _cache = new(NullLogger<RoutingTableCache>.Instance);
    private readonly FakeTimeProvider _clock = new(Now);

    [Fact]
    public async Task Router_compiles_once_while_the_revisions_stay_the_same()
    {
        var router = NewRouter();

        await RouteAsync(router);
        await RouteAsync(NewRouter());
        await RouteAsync(router);

        Assert.Equal(1, _source.CurrentReads);
        Assert.Equal(3, _source.RevisionReads);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Router_recompiles_when_either_revision_changes(bool domains, bool servers)
    {
        var router = NewRouter();
        var before = await RouteAsync(router);

        _source.Configuration.AddServer("Company relay", "company-name.nightpos.com");
        _source.Bump(domains, servers);
        var after = await RouteAsync(router);

        Assert.Equal(RoutingRule.DefaultServer, before.Rule);
        Assert.Equal(RoutingRule.NotificationDomain, after.Rule);
        Assert.Equal(2, _source.CurrentReads);
    }

    [Fact]
    public async Task Router_answers_as_of_an_instant_from_that_instant_s_configuration()
    {
        var router = NewRouter();
        var then = Now.AddDays(-1);

        await RouteAsync(router, then);
        await RouteAsync(router, then);

        Assert.Equal([then, then], _source.AsOfReads);
        Assert.Equal(0, _source.CurrentReads);
    }

    [Fact]
    public async Task Router_refuses_an_instant_in_the_future()
    {
        var refused = await Assert.ThrowsAsync<RouteRefusedException>(
            () => RouteAsync(NewRouter(), Now.AddSeconds(1)).AsTask());

        Assert.Equal(("at", 400), (refused.Field, refused.Status));
        Assert.Empty(_source.AsOfReads);
    }

    [Fact]
    public async Task Router_refuses_an_instant_before_the_first_company_existed()
    {
        _source.EmptyBefore = Now.AddDays(-10);

        var refused = await Assert.ThrowsAsync<RouteRefusedException>(
            () => RouteAsync(NewRouter(), Now.AddDays(-11)).AsTask());

        Assert.Equal(("at", 400), (refused.Field, refused.Status));
        Assert.Contains("no company yet", refused.Message);
    }

    private Router NewRouter() =>
        new(_source, _cache, _clock, NullLogger<Router>.Instance);

    private static ValueTask<RouteDecision> RouteAsync(Router router, DateTimeOffset? at = null) =>
        router.RouteAsync(
            new RouteRequest(null, "mary@customer.example", MailKind.Transactional, null),
            at,
            CancellationToken.None);

    private sealed class FakeSource : IRoutingConfigurationSource
    {
        private Guid _domainsRevision = Guid.NewGuid();
        private Guid _serversRevision = Guid.NewGuid();

        public TestConfiguration Configuration { get; } = new();

        public DateTimeOffset? EmptyBefore { get; set; }

        public int RevisionReads { get; private set; }

        public int CurrentReads { get; private set; }

        public List<DateTimeOffset> AsOfReads { get; } = [];

        public void Bump(bool domains, bool servers)
        {
            _domainsRevision = domains ? Guid.NewGuid() : _domainsRevision;
            _serversRevision = servers ? Guid.NewGuid() : _serversRevision;
        }

        public ValueTask<ConfigurationRevisions> GetRevisionsAsync(CancellationToken cancellation)
        {
            RevisionReads++;
            return ValueTask.FromResult(new ConfigurationRevisions(_domainsRevision, _serversRevision));
        }

        public ValueTask<(DomainsConfiguration Domains, ServersConfiguration Servers)> GetAsync(
            DateTimeOffset? at,
            CancellationToken cancellation)
        {
            if (at is { } instant)
            {
                AsOfReads.Add(instant);
            }
            else
            {
                CurrentReads++;
            }

            var domains = Configuration.Domains(_domainsRevision);
            if (at < EmptyBefore)
            {
                domains = domains with { AliasDomains = [], Companies = [] };
            }

            return ValueTask.FromResult((domains, Configuration.Servers(_serversRevision)));
        }
    }
}
