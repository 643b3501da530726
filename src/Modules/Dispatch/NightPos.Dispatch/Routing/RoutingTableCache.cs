using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NightPos.Dispatch.Routing;

/// <summary>
/// The one compiled routing table of this process (ADR 0010, amended by ADR 0020). The table is
/// trusted without a question while no configuration change was committed in this process
/// since its revisions were last checked, and for at most
/// <see cref="RoutingOptions.RevisionCheckInterval"/>; then the revisions are asked, and the
/// table is rebuilt only when either answer differs from the revisions it was compiled from.
/// </summary>
public sealed class RoutingTableCache
{
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private readonly TimeSpan _interval;
    private readonly TimeProvider _clock;
    private readonly ILogger<RoutingTableCache> _logger;
    private long _commits;
    private volatile Checked? _checked;

    public RoutingTableCache(
        IOptions<RoutingOptions> options,
        TimeProvider clock,
        ILogger<RoutingTableCache> logger)
    {
        _interval = options.Value.RevisionCheckInterval;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>
    /// The domains revision of the table last checked; null before the first decision.
    /// </summary>
    internal Guid? DomainsRevision => _checked?.Table.DomainsRevision;

    /// <summary>
    /// Called after a configuration change committed in this process, before the request that
    /// made it is answered: the next decision asks the revisions again, whatever the interval.
    /// </summary>
    internal void ConfigurationCommitted() => Interlocked.Increment(ref _commits);

    internal async ValueTask<RoutingTable> CurrentAsync(
        IRoutingConfigurationSource source,
        CancellationToken cancellation)
    {
        // Read before the revisions are asked: a change committed after this read bumps the
        // count, so the check below cannot vouch for it and the next decision asks again.
        var commits = Interlocked.Read(ref _commits);
        var now = _clock.GetUtcNow();
        var known = _checked;
        if (known is not null
            && known.Commits == commits
            && now - known.At < _interval)
        {
            return known.Table;
        }

        var revisions = await source.GetRevisionsAsync(cancellation);
        if (known is not null && IsAt(known.Table, revisions))
        {
            // Only over the snapshot read above: a newer table checked meanwhile stays.
            var confirmed = new Checked(known.Table, commits, now);
            Interlocked.CompareExchange(ref _checked, confirmed, known);
            return known.Table;
        }

        // One rebuild at a time: decisions that find the table stale together wait for the
        // first to compile it rather than each compiling their own copy.
        await _rebuild.WaitAsync(cancellation);
        try
        {
            known = _checked;
            if (known is not null && IsAt(known.Table, revisions))
            {
                return known.Table;
            }

            var (domains, servers) = await source.GetAsync(null, cancellation);

            // The table records the revisions of the answers it was built from: when they are
            // already newer than the ones asked above, the next check still sees them as equal.
            var table = RoutingTable.Compile(domains, servers);
            _checked = new Checked(table, commits, now);
            RoutingLog.TableCompiled(
                _logger, table.DomainsRevision, table.ServersRevision, table.ServerCount);
            return table;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    private static bool IsAt(RoutingTable table, ConfigurationRevisions revisions) =>
        table.DomainsRevision == revisions.Domains && table.ServersRevision == revisions.Servers;

    // A table, with the count of this process's configuration commits and the instant at which
    // its revisions were last found current.
    private sealed record Checked(RoutingTable Table, long Commits, DateTimeOffset At);
}
