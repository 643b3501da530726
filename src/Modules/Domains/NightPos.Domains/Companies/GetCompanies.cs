using Marten;
using Microsoft.AspNetCore.Authorization;
using NightPos.Kernel;
using Wolverine.Http;

namespace NightPos.Domains.Companies;

/// <summary>
/// Lists the companies, oldest first: the first is the database's default company.
/// </summary>
public static class GetCompaniesEndpoint
{
    [WolverineGet("/api/companies")]
    [Authorize(Policy = Policies.Audit)]
    public static async Task<IReadOnlyList<CompanyResponse>> Get(
        IQuerySession session,
        CancellationToken cancellation)
    {
        var companies = await session.Query<Company>().ToListAsync(cancellation);
        var creation = await CreationOrder.LoadAsync(session, cancellation);
        return companies.OrderBy(c => creation.Of(c.Id)).Select(CompanyResponse.From).ToList();
    }
}
