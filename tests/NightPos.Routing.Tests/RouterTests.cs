using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NightPos.Dispatch.Contracts;
using NightPos.Dispatch.Routing;
using NightPos.Domains.Contracts;
using NightPos.Servers.Contracts;

namespace NightPos.Routing.Tests;

/// <summary>
/// How the router keeps its one table current and answers as of a past instant (ADR 0010 and
/// 0020), against a configuration source whose revisions the test moves: a move alone is a
/// change committed by another process; <see cref="RoutingTableCache.ConfigurationCommitted"/>
/// is what this process's commit listener reports.
/// </summary>
public sealed class RouterTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly FakeSource _source = new();
    private readonly FakeTimeProvider _clock = new(Now);
    private RoutingTableCache _cache;

    public RouterTests() => _cache = NewCache(TimeSpan.Zero);

    [Fact]
    public async Task Router_with_a_zero_interval_asks_the_revisions_before_every_decision()
    {
        var router = NewRouter();

        await RouteAsync(router);
        await RouteAsync(NewRouter());
        await RouteAsync(router);

        Assert.Equal(1, _source.CurrentReads);
        Assert.Equal(3, _source.RevisionReads);
    }

    [Fact]
    public async Task Router_uses_another_process_s_change_after_the_interval_and_not_before()
    {
        _cache = NewCache(Interval);
        var router = NewRouter();
        var before = await RouteAsync(router);

        ChangeElsewhere();
        _clock.Advance(Interval - TimeSpan.FromMilliseconds(1));
        var within = await RouteAsync(router);
        var revisionReadsWithin = _source.RevisionReads;
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var after = await RouteAsync(router);

        Assert.Equal(RoutingRule.DefaultServer, before.Rule);
        Assert.Equal(RoutingRule.DefaultServer, within.Rule);
        Assert.Equal(1, revisionReadsWithin);
        Assert.Equal(RoutingRule.NotificationDomain, after.Rule);
        Assert.Equal((2, 2), (_source.RevisionReads, _source.CurrentReads));
    }

    [Fact]
    public async Task Router_uses_a_change_committed_here_at_once_whatever_the_interval()
    {
        _cache = NewCache(TimeSpan.FromHours(1));
        var router = NewRouter();
        var before = await RouteAsync(router);

        ChangeElsewhere();
        _cache.ConfigurationCommitted();
        var after = await RouteAsync(router);

        Assert.Equal(RoutingRule.DefaultServer, before.Rule);
        Assert.Equal(RoutingRule.NotificationDomain, after.Rule);
        Assert.Equal((2, 2), (_source.RevisionReads, _source.CurrentReads));
    }

    [Fact]
    public async Task Router_checks_once_after_a_commit_here_that_left_the_revisions_unchanged()
    {
        _cache = NewCache(TimeSpan.FromHours(1));
        var router = NewRouter();
        await RouteAsync(router);

        _cache.ConfigurationCommitted();
        await RouteAsync(router);
        await RouteAsync(router);

        Assert.Equal((2, 1), (_source.RevisionReads, _source.CurrentReads));
    }

    [Fact]
    public async Task Router_asks_again_after_a_commit_here_that_raced_its_revision_check()
    {
        _cache = NewCache(TimeSpan.FromHours(1));
        var router = NewRouter();
        await RouteAsync(router);
        _cache.ConfigurationCommitted();

        // The commit lands while the revisions are being read, after they were answered.
        _source.WhileAskingRevisions = () =>
        {
            ChangeElsewhere();
            _cache.ConfigurationCommitted();
        };
        var raced = await RouteAsync(router);
        _source.WhileAskingRevisions = null;
        var next = await RouteAsync(router);

        Assert.Equal(RoutingRule.DefaultServer, raced.Rule);
        Assert.Equal(RoutingRule.NotificationDomain, next.Rule);
        Assert.Equal((3, 2), (_source.RevisionReads, _source.CurrentReads));
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
        Assert.Equal((0, 0), (_source.CurrentReads, _source.RevisionReads));
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

    private RoutingTableCache NewCache(TimeSpan interval) => new(
        Options.Create(new RoutingOptions { RevisionCheckInterval = interval }),
        _clock,
        NullLogger<RoutingTableCache>.Instance);

    // Another process adds a server that takes the company's notification domain.
    private void ChangeElsewhere()
    {
        _source.Configuration.AddServer("Company relay", "company-name.nightpos.com");
        _source.Bump(domains: false, servers: true);
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

        /// <summary>Runs after the revisions are read and before they are answered.</summary>
        public Action? WhileAskingRevisions { get; set; }

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
            var revisions = new ConfigurationRevisions(_domainsRevision, _serversRevision);
            WhileAskingRevisions?.Invoke();
            return ValueTask.FromResult(revisions);
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
