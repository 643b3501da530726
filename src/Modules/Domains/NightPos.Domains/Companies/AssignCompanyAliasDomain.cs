using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using NightPos.Domains.AliasDomains;
using NightPos.Kernel;
using NightPos.Kernel.Http;
using Wolverine.Http;

namespace NightPos.Domains.Companies;

/// <summary>
/// Moves a company to another alias domain (SPEC R2); its default addresses follow.
/// </summary>
public sealed record AssignCompanyAliasDomain(Guid? AliasDomainId);

public static class AssignCompanyAliasDomainEndpoint
{
    public static Task<IEventStream<Company>> LoadAsync(
        Guid id,
        IDocumentSession session,
        CancellationToken cancellation) =>
        session.Events.FetchForWriting<Company>(id, cancellation);

    public static async Task<ProblemDetails> ValidateAsync(
        Guid id,
        AssignCompanyAliasDomain command,
        IEventStream<Company> stream,
        IDocumentSession session,
        CancellationToken cancellation)
    {
        if (stream.Aggregate is null)
        {
            return FieldErrors.NotFound(
                "id",
                $"id {id} is no company of this installation; list them with GET /api/companies.");
        }

        if (command.AliasDomainId is not { } aliasDomainId)
        {
            var errors = new FieldErrors();
            errors.Add("aliasDomainId", "aliasDomainId is required: the id of an alias domain.");
            return errors.ToProblem();
        }

        var domain = await session.LoadAsync<AliasDomain>(aliasDomainId, cancellation);
        return domain is null
            ? AliasDomainLookup.Unknown("aliasDomainId", aliasDomainId)
            : WolverineContinue.NoProblems;
    }

    [WolverinePatch("/api/companies/{id}")]
    [Authorize(Policy = Policies.Configure)]
    public static CompanyResponse Patch(
        AssignCompanyAliasDomain command,
        IEventStream<Company> stream,
        ILogger<AssignCompanyAliasDomain> logger)
    {
        var company = stream.Aggregate!;
        var target = command.AliasDomainId!.Value;
        if (target == company.AliasDomainId)
        {
            return CompanyResponse.From(company);
        }

        var assigned = new CompanyAliasDomainAssigned(company.Id, company.AliasDomainId, target);
        stream.AppendOne(assigned);
        DomainsLog.CompanyAssigned(logger, company.Id, target);
        return CompanyResponse.From(company.Changed(assigned));
    }
}
