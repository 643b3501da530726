using JasperFx.Events;
using Marten.Events.Projections;

namespace NightPos.Servers.Configuration;

/// <summary>
/// Keeps <see cref="ServersRevision"/> inline: the revision is the id of the last configuration
/// event applied, the same token a rebuild at a past instant answers. Concurrent changes each
/// replace it and the last writer wins, which is all readers need: they compare for equality.
/// </summary>
public sealed class ServersRevisionProjection : MultiStreamProjection<ServersRevision, string>
{
    public ServersRevisionProjection() => Identity<IServersEvent>(_ => ServersRevision.Key);

    public override ServersRevision? Evolve(ServersRevision? snapshot, string id, IEvent e) =>
        new(id, e.Id);
}
