namespace NightPos.Domains.Companies;

/// <summary>A company as API.md answers it.</summary>
public sealed record CompanyResponse(Guid Id, string Name, Guid AliasDomainId)
{
    public static CompanyResponse From(Company company) =>
        new(company.Id, company.Name, company.AliasDomainId);
}
