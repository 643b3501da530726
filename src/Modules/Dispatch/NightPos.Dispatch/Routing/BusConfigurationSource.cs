using NightPos.Domains.Contracts;
using NightPos.Servers.Contracts;
using Wolverine;

namespace NightPos.Dispatch.Routing;

/// <summary>
/// Reads the configuration through the modules' contracts, in-process (ADR 0002): the Domains
/// and Servers modules answer from committed data, so a change whose request has returned is
/// seen by the next decision.
/// </summary>
internal sealed class BusConfigurationSource(IMessageBus bus) : IRoutingConfigurationSource
{
    public async ValueTask<ConfigurationRevisions> GetRevisionsAsync(CancellationToken cancellation)
    {
        var domains = await bus.InvokeAsync<Guid>(
            new GetDomainsConfigurationRevision(), cancellation);
        var servers = await bus.InvokeAsync<Guid>(
            new GetServersConfigurationRevision(), cancellation);
        return new ConfigurationRevisions(domains, servers);
    }

    public async ValueTask<(DomainsConfiguration Domains, ServersConfiguration Servers)> GetAsync(
        DateTimeOffset? at,
        CancellationToken cancellation)
    {
        var domains = await bus.InvokeAsync<DomainsConfiguration>(
            new GetDomainsConfiguration(at), cancellation);
        var servers = await bus.InvokeAsync<ServersConfiguration>(
            new GetServersConfiguration(at), cancellation);
        return (domains, servers);
    }
}
