using NightPos.Domains.Contracts;
using NightPos.Servers.Contracts;

namespace NightPos.Dispatch.Routing;

/// <summary>
/// Where routing reads the configuration it compiles: the Domains and Servers modules' answers
/// (ADR 0010). Kept apart from <see cref="Router"/> so that keeping the table current can be
/// shown without those modules.
/// </summary>
internal interface IRoutingConfigurationSource
{
    /// <summary>The current revisions of both configurations, cheap to ask per decision.</summary>
    ValueTask<ConfigurationRevisions> GetRevisionsAsync(CancellationToken cancellation);

    /// <summary>Both configurations, current when <paramref name="at"/> is null.</summary>
    ValueTask<(DomainsConfiguration Domains, ServersConfiguration Servers)> GetAsync(
        DateTimeOffset? at,
        CancellationToken cancellation);
}

internal readonly record struct ConfigurationRevisions(Guid Domains, Guid Servers);
