using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NightPos.Kernel;
using Wolverine.Http;

namespace NightPos.Domains.AliasDomains;

/// <summary>Reads one alias domain.</summary>
public static class GetAliasDomainEndpoint
{
    public static Task<AliasDomain?> LoadAsync(
        Guid id,
        IQuerySession session,
        CancellationToken cancellation) =>
        session.LoadAsync<AliasDomain>(id, cancellation);

    public static ProblemDetails Validate(Guid id, AliasDomain? domain) =>
        domain is null ? AliasDomainLookup.Unknown("id", id) : WolverineContinue.NoProblems;

    [WolverineGet("/api/alias-domains/{id}")]
    [Authorize(Policy = Policies.Audit)]
    public static AliasDomainResponse Get(AliasDomain domain) => AliasDomainResponse.From(domain);
}
