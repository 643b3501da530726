using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using NightPos.Kernel;
using NightPos.Kernel.Http;
using Wolverine.Http;

namespace NightPos.Domains.AliasDomains;

/// <summary>
/// Adds an alias domain (SPEC R2); names left out get their defaults (SPEC "Terms").
/// </summary>
public sealed record AddAliasDomain(
    string? Domain,
    string? BounceAlias,
    string? CatchallAlias,
    string? DefaultFrom,
    int? Sequence);

public static class AddAliasDomainEndpoint
{
    public static AliasDomainNames Before(AddAliasDomain command)
    {
        var names = AliasDomainNames.Parse(
            command.Domain,
            command.BounceAlias ?? AliasDomain.DefaultBounceAlias,
            command.CatchallAlias ?? AliasDomain.DefaultCatchallAlias,
            command.DefaultFrom ?? AliasDomain.DefaultDefaultFrom,
            command.Sequence ?? AliasDomain.DefaultSequence);
        if (command.Domain is null)
        {
            names.Errors.Add("domain", "domain is required, e.g. \"example.com\".");
        }
        else if (!names.Errors.Any)
        {
            names.CheckDistinctAliases(
                names.BounceAlias!, names.CatchallAlias!, command.CatchallAlias is not null);
        }

        return names;
    }

    public static async Task<ProblemDetails> ValidateAsync(
        AliasDomainNames names,
        IQuerySession session,
        CancellationToken cancellation)
    {
        if (names.Errors.Any)
        {
            return names.Errors.ToProblem();
        }

        var holder = await AliasDomainLookup.HolderOfAsync(session, names.Domain!, cancellation);
        return holder is null
            ? WolverineContinue.NoProblems
            : AliasDomainLookup.DomainTaken(names.Domain!, holder.Value);
    }

    [WolverinePost("/api/alias-domains")]
    [Authorize(Policy = Policies.Configure)]
    public static Created<AliasDomainResponse> Post(
        AddAliasDomain command,
        AliasDomainNames names,
        IDocumentSession session,
        TimeProvider clock,
        ILogger<AddAliasDomain> logger)
    {
        var id = Guid.CreateVersion7(clock.GetUtcNow());
        var added = new AliasDomainAdded(
            id,
            names.Domain!,
            names.BounceAlias!,
            names.CatchallAlias!,
            names.DefaultFrom!,
            names.Sequence!.Value);

        session.Events.StartStream<AliasDomain>(id, added);
        DomainsLog.AliasDomainAdded(logger, id, added.Domain);

        var domain = AliasDomain.Started(added, clock.GetUtcNow());
        return TypedResults.Created($"/api/alias-domains/{id}", AliasDomainResponse.From(domain));
    }
}
