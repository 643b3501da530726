using JasperFx.Events;
using Marten.Events.Aggregation;

namespace NightPos.Domains.Companies;

/// <summary>
/// Folds a company stream into its <see cref="Company"/> document, inline; the as-of replay
/// calls <see cref="Evolve"/> directly (ADR 0006).
/// </summary>
public sealed class CompanyProjection : SingleStreamProjection<Company, Guid>
{
    public static readonly IReadOnlyList<Type> EventTypes =
        [typeof(CompanyAdded), typeof(CompanyAliasDomainAssigned)];

    public CompanyProjection()
    {
        foreach (var type in EventTypes)
        {
            IncludeType(type);
        }
    }

    public override Company? Evolve(Company? snapshot, Guid id, IEvent e) =>
        (e.Data, snapshot) switch
        {
            (CompanyAdded added, _) => Company.Started(added, e.Timestamp),
            (IDomainsEvent change, { } company) => company.Changed(change),
            _ => snapshot,
        };
}
