using JasperFx.Events;
using Marten.Events.Aggregation;

namespace NightPos.Domains.AliasDomains;

/// <summary>
/// Folds an alias domain stream into its <see cref="AliasDomain"/> document. Run inline, so the
/// document commits with the events; the as-of replay calls <see cref="Evolve"/> directly
/// (ADR 0006).
/// </summary>
public sealed class AliasDomainProjection : SingleStreamProjection<AliasDomain, Guid>
{
    public static readonly IReadOnlyList<Type> EventTypes =
    [
        typeof(AliasDomainAdded),
        typeof(AliasDomainRenamed),
        typeof(BounceAliasChanged),
        typeof(CatchallAliasChanged),
        typeof(DefaultFromChanged),
        typeof(AliasDomainResequenced),
        typeof(AliasAddressRetired),
    ];

    public AliasDomainProjection()
    {
        foreach (var type in EventTypes)
        {
            IncludeType(type);
        }
    }

    public override AliasDomain? Evolve(AliasDomain? snapshot, Guid id, IEvent e) =>
        (e.Data, snapshot) switch
        {
            (AliasDomainAdded added, _) => AliasDomain.Started(added, e.Timestamp),
            (IDomainsEvent change, { } domain) => domain.Changed(change, e.Timestamp),
            _ => snapshot,
        };
}
