using Marten;
using Marten.Services;
using NightPos.Kernel;

namespace NightPos.Dispatch.Routing;

/// <summary>
/// Tells the routing table of this process that a configuration change was committed here
/// (ADR 0020). It sees every Marten session of the process, whichever module opened it, and
/// reads nothing but Kernel's <see cref="IConfigurationEvent"/> marker (ADR 0002).
/// </summary>
internal sealed class ConfigurationCommitListener(RoutingTableCache cache)
    : DocumentSessionListenerBase
{
    public override Task AfterCommitAsync(
        IDocumentSession session,
        IChangeSet commit,
        CancellationToken token)
    {
        if (commit.GetEvents().Any(e => e.Data is IConfigurationEvent))
        {
            cache.ConfigurationCommitted();
        }

        return Task.CompletedTask;
    }
}
