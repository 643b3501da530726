using JasperFx.Events;
using Marten.Events.Projections;

namespace NightPos.Domains.Configuration;

/// <summary>
/// Keeps <see cref="DomainsRevision"/> inline: the revision is the id of the last configuration
/// event applied. Concurrent changes each replace it and the last writer wins, which is all
/// readers need, since they only compare revisions for equality (ADR 0006).
/// </summary>
public sealed class DomainsRevisionProjection : MultiStreamProjection<DomainsRevision, string>
{
    public DomainsRevisionProjection() => Identity<IDomainsEvent>(_ => DomainsRevision.Key);

    public override DomainsRevision? Evolve(DomainsRevision? snapshot, string id, IEvent e) =>
        new(id, e.Id);
}
