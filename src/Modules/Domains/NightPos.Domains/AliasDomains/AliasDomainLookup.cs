using Marten;
using Microsoft.AspNetCore.Mvc;
using NightPos.Kernel.Http;

namespace NightPos.Domains.AliasDomains;

/// <summary>The reads alias domain requests share, and the refusals they lead to.</summary>
internal static class AliasDomainLookup
{
    /// <summary>The alias domain that has this (normalised) domain name, if any.</summary>
    public static async Task<Guid?> HolderOfAsync(
        IQuerySession session,
        string domain,
        CancellationToken cancellation)
    {
        var holder = await session.Query<AliasDomain>()
            .Where(d => d.Domain == domain)
            .Select(d => d.Id)
            .ToListAsync(cancellation);
        return holder.Count == 0 ? null : holder[0];
    }

    public static ProblemDetails DomainTaken(string domain, Guid holder) =>
        FieldErrors.Conflict(
            "domain",
            $"domain '{domain}' is already the alias domain {holder}: two alias domains cannot "
            + "share a domain name (SPEC R3); change that one instead.");

    public static ProblemDetails Unknown(string field, Guid id) =>
        FieldErrors.NotFound(
            field,
            $"{field} {id} is no alias domain of this installation; list them with "
            + "GET /api/alias-domains.");
}
