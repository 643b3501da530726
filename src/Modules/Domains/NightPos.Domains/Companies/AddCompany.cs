using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using NightPos.Domains.AliasDomains;
using NightPos.Kernel;
using NightPos.Kernel.Http;
using Wolverine.Http;

namespace NightPos.Domains.Companies;

/// <summary>
/// Adds a company on the alias domain it names, or on the one SPEC R2 picks when it names none.
/// </summary>
public sealed record AddCompany(string? Name, Guid? AliasDomainId);

public static class AddCompanyEndpoint
{
    public static async Task<AliasDomainChoice> LoadAsync(
        IQuerySession session,
        CancellationToken cancellation) =>
        new(
            await session.Query<AliasDomain>().ToListAsync(cancellation),
            await CreationOrder.LoadAsync(session, cancellation));

    public static ProblemDetails Validate(AddCompany command, AliasDomainChoice choice)
    {
        var errors = new FieldErrors();
        errors.Check("name", command.Name, CompanyName.Normalize);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (command.AliasDomainId is { } id && choice.Domains.All(d => d.Id != id))
        {
            return AliasDomainLookup.Unknown("aliasDomainId", id);
        }

        return choice.Domains.Count == 0
            ? FieldErrors.Conflict(
                "aliasDomainId",
                "There is no alias domain yet for the company to use: add one with "
                + "POST /api/alias-domains first.")
            : WolverineContinue.NoProblems;
    }

    [WolverinePost("/api/companies")]
    [Authorize(Policy = Policies.Configure)]
    public static Created<CompanyResponse> Post(
        AddCompany command,
        AliasDomainChoice choice,
        IDocumentSession session,
        TimeProvider clock,
        ILogger<AddCompany> logger)
    {
        var id = Guid.CreateVersion7(clock.GetUtcNow());
        var added = new CompanyAdded(
            id,
            CompanyName.Normalize(command.Name, out _)!,
            command.AliasDomainId ?? choice.Default().Id);

        session.Events.StartStream<Company>(id, added);
        DomainsLog.CompanyAdded(logger, id, added.AliasDomainId);

        var company = Company.Started(added, clock.GetUtcNow());
        return TypedResults.Created($"/api/companies/{id}", CompanyResponse.From(company));
    }
}
