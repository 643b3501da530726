namespace NightPos.Domains.Companies;

/// <summary>
/// The current state of one company stream, kept by <see cref="CompanyProjection"/>.
/// </summary>
public sealed record Company(
    Guid Id,
    string Name,
    Guid AliasDomainId,
    DateTimeOffset CreatedAt)
{
    public static Company Started(CompanyAdded added, DateTimeOffset at) =>
        new(added.CompanyId, added.Name, added.AliasDomainId, at);

    /// <summary>The state after one change of the stream (every event but the first).</summary>
    public Company Changed(IDomainsEvent change) => change switch
    {
        CompanyAliasDomainAssigned assigned => this with { AliasDomainId = assigned.AliasDomainId },
        _ => this,
    };
}
