using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NightPos.Kernel;
using NightPos.Kernel.Mail;
using Wolverine.Http;

namespace NightPos.Domains.AliasDomains;

/// <summary>
/// The local parts an administrator whitelists for an alias domain on an external server
/// (SPEC R15): the product's own first, then those mail has gone out from, alphabetically.
/// </summary>
public static class GetLocalPartsEndpoint
{
    /// <summary>
    /// The administrator's and the bot's addresses, which every domain may send from.
    /// </summary>
    public static readonly IReadOnlyList<string> FixedLocalParts = ["admin", "nightposbot"];

    public static Task<AliasDomain?> LoadAsync(
        Guid id,
        IQuerySession session,
        CancellationToken cancellation) =>
        session.LoadAsync<AliasDomain>(id, cancellation);

    public static ProblemDetails Validate(Guid id, AliasDomain? domain) =>
        domain is null ? AliasDomainLookup.Unknown("id", id) : WolverineContinue.NoProblems;

    [WolverineGet("/api/alias-domains/{id}/local-parts")]
    [Authorize(Policy = Policies.Audit)]
    public static async Task<IReadOnlyList<string>> Get(
        AliasDomain domain,
        IQuerySession session,
        CancellationToken cancellation)
    {
        var used = await session.Query<SenderLocalPart>()
            .Where(s => s.Domain == domain.Domain)
            .Select(s => s.LocalPart)
            .ToListAsync(cancellation);

        return LocalParts(domain, used);
    }

    public static IReadOnlyList<string> LocalParts(AliasDomain domain, IEnumerable<string> used)
    {
        var defaultFrom = domain.DefaultFrom.Contains('@')
            ? EmailAddress.LocalPartOf(domain.DefaultFrom)
            : domain.DefaultFrom;

        return new[] { domain.BounceAlias, defaultFrom }
            .Concat(FixedLocalParts)
            .Concat(used.Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }
}
