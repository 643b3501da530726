using Marten;
using JasperFx.Events;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using NightPos.Kernel;
using Wolverine.Http;

namespace NightPos.Domains.AliasDomains;

/// <summary>
/// Changes any of the five fields of an alias domain (SPEC R3); fields left out stay as they
/// are. The answer names the addresses the change retires (SPEC R4).
/// </summary>
public sealed record ChangeAliasDomain(
    string? Domain,
    string? BounceAlias,
    string? CatchallAlias,
    string? DefaultFrom,
    int? Sequence);

public static class ChangeAliasDomainEndpoint
{
    public static AliasDomainNames Before(ChangeAliasDomain command) =>
        AliasDomainNames.Parse(
            command.Domain,
            command.BounceAlias,
            command.CatchallAlias,
            command.DefaultFrom,
            command.Sequence);

    public static Task<IEventStream<AliasDomain>> LoadAsync(
        Guid id,
        IDocumentSession session,
        CancellationToken cancellation) =>
        session.Events.FetchForWriting<AliasDomain>(id, cancellation);

    public static async Task<ProblemDetails> ValidateAsync(
        Guid id,
        AliasDomainNames names,
        IEventStream<AliasDomain> stream,
        IDocumentSession session,
        CancellationToken cancellation)
    {
        if (stream.Aggregate is not { } current)
        {
            return AliasDomainLookup.Unknown("id", id);
        }

        if (!names.Errors.Any)
        {
            names.CheckDistinctAliases(
                names.BounceAlias ?? current.BounceAlias,
                names.CatchallAlias ?? current.CatchallAlias,
                names.CatchallAlias is not null);
        }

        if (names.Errors.Any)
        {
            return names.Errors.ToProblem();
        }

        if (names.Domain is { } domain && domain != current.Domain)
        {
            var holder = await AliasDomainLookup.HolderOfAsync(session, domain, cancellation);
            if (holder is { } other)
            {
                return AliasDomainLookup.DomainTaken(domain, other);
            }
        }

        return WolverineContinue.NoProblems;
    }

    [WolverinePatch("/api/alias-domains/{id}")]
    [Authorize(Policy = Policies.Configure)]
    public static AliasDomainResponse Patch(
        ChangeAliasDomain command,
        AliasDomainNames names,
        IEventStream<AliasDomain> stream,
        TimeProvider clock,
        ILogger<ChangeAliasDomain> logger)
    {
        var current = stream.Aggregate!;
        var now = clock.GetUtcNow();
        var changes = Decide(current, names, now);
        stream.AppendMany(changes);

        var changed = changes.Aggregate(current, (state, change) => state.Changed(change, now));
        var retired = current.AddressesInUse().Except(changed.AddressesInUse()).ToList();
        if (changes.Count > 0)
        {
            DomainsLog.AliasDomainChanged(
                logger, current.Id, changed.Domain, changes.Count, retired.Count);
        }

        return AliasDomainResponse.From(changed) with { RetiredAddresses = retired };
    }

    /// <summary>
    /// One event per field that really changes (a field given its own value is no change),
    /// then one per bounce or catchall address that the changes together retire (SPEC R4).
    /// </summary>
    public static IReadOnlyList<IDomainsEvent> Decide(
        AliasDomain current,
        AliasDomainNames names,
        DateTimeOffset at)
    {
        var changes = new List<IDomainsEvent>();
        if (names.Domain is { } domain && domain != current.Domain)
        {
            changes.Add(new AliasDomainRenamed(current.Id, current.Domain, domain));
        }

        if (names.BounceAlias is { } bounce && bounce != current.BounceAlias)
        {
            changes.Add(new BounceAliasChanged(current.Id, current.BounceAlias, bounce));
        }

        if (names.CatchallAlias is { } catchall && catchall != current.CatchallAlias)
        {
            changes.Add(new CatchallAliasChanged(current.Id, current.CatchallAlias, catchall));
        }

        if (names.DefaultFrom is { } defaultFrom && defaultFrom != current.DefaultFrom)
        {
            changes.Add(new DefaultFromChanged(current.Id, current.DefaultFrom, defaultFrom));
        }

        if (names.Sequence is { } sequence && sequence != current.Sequence)
        {
            changes.Add(new AliasDomainResequenced(current.Id, current.Sequence, sequence));
        }

        var renamed = changes.Aggregate(current, (state, change) => state.Changed(change, at));
        changes.AddRange(current.RetiredBy(renamed));
        return changes;
    }
}
