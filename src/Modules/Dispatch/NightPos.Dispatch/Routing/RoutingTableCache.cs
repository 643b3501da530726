using Microsoft.Extensions.Logging;

namespace NightPos.Dispatch.Routing;

/// <summary>
/// The one compiled routing table of this process (ADR 0010). Every decision first asks the
/// configuration's revisions, two in-process questions; the table is rebuilt only when either
/// answer differs from the revisions it was compiled from, so a change committed by any process
/// sharing the database is used by the next decision here.
/// </summary>
public sealed class RoutingTableCache(ILogger<RoutingTableCache> logger)
{
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private volatile RoutingTable? _current;

    internal async ValueTask<RoutingTable> CurrentAsync(
        IRoutingConfigurationSource source,
        CancellationToken cancellation)
    {
        var revisions = await source.GetRevisionsAsync(cancellation);
        var table = _current;
        if (IsAt(table, revisions))
        {
            return table!;
        }

        // One rebuild at a time: decisions that find the table stale together wait for the
        // first to compile it rather than each compiling their own copy.
        await _rebuild.WaitAsync(cancellation);
        try
        {
            table = _current;
            if (IsAt(table, revisions))
            {
                return table!;
            }

            var (domains, servers) = await source.GetAsync(null, cancellation);

            // The table records the revisions of the answers it was built from: when they are
            // already newer than the ones asked above, the next check still sees them as equal.
            table = RoutingTable.Compile(domains, servers);
            _current = table;
            RoutingLog.TableCompiled(
                logger, table.DomainsRevision, table.ServersRevision, table.ServerCount);
            return table;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    private static bool IsAt(RoutingTable? table, ConfigurationRevisions revisions) =>
        table is not null
        && table.DomainsRevision == revisions.Domains
        && table.ServersRevision == revisions.Servers;
}
