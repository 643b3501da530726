using Marten;
using Microsoft.AspNetCore.Authorization;
using NightPos.Kernel;
using Wolverine.Http;

namespace NightPos.Domains.AliasDomains;

/// <summary>
/// Lists the alias domains in SPEC R2's order: lowest sequence first, then the oldest.
/// </summary>
public static class GetAliasDomainsEndpoint
{
    [WolverineGet("/api/alias-domains")]
    [Authorize(Policy = Policies.Audit)]
    public static async Task<IReadOnlyList<AliasDomainResponse>> Get(
        IQuerySession session,
        CancellationToken cancellation)
    {
        var domains = await session.Query<AliasDomain>().ToListAsync(cancellation);
        var creation = await CreationOrder.LoadAsync(session, cancellation);
        return AliasDomain.InSequenceOrder(domains, creation)
            .Select(AliasDomainResponse.From)
            .ToList();
    }
}
