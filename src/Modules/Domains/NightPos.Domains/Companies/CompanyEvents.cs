namespace NightPos.Domains.Companies;

// The company stream (SPEC R2). The alias domain is always recorded explicitly, also when it
// was chosen by the lowest-sequence rule, so that replaying the history never re-decides it.

public sealed record CompanyAdded(Guid CompanyId, string Name, Guid AliasDomainId)
    : IDomainsEvent;

public sealed record CompanyAliasDomainAssigned(
    Guid CompanyId,
    Guid PreviousAliasDomainId,
    Guid AliasDomainId) : IDomainsEvent;
