using JasperFx.Events;
using NightPos.Servers.Contracts;
using NightPos.Servers.MassMailing;
using NightPos.Servers.OutgoingServers;

namespace NightPos.Servers.Configuration;

/// <summary>
/// Builds the <see cref="ServersConfiguration"/> contract from the module's state, current or
/// rebuilt at a past instant by folding the raw configuration events with the snapshots' own
/// Create and Apply methods (SPEC R16).
/// </summary>
public static class ServersSnapshot
{
    public static ServersConfiguration Build(
        IEnumerable<OutgoingServer> servers,
        MassMailingSettings? settings,
        Guid revision,
        DefaultServerOptions defaults) =>
        new(
            servers.OrderBy(s => s.CreationOrder).Select(s => ToInfo(s, defaults)).ToList(),
            settings?.DedicatedServerId,
            revision);

    /// <summary>
    /// The configuration after <paramref name="events"/>, in sequence order. Its revision is the
    /// id of the last event, the same token the revision marker holds after that event.
    /// </summary>
    public static ServersConfiguration Fold(
        IReadOnlyList<IEvent> events,
        DefaultServerOptions defaults)
    {
        var servers = new Dictionary<Guid, OutgoingServer>();
        MassMailingSettings? settings = null;
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case OutgoingServerAdded:
                    servers[e.StreamId] = OutgoingServer.Create((IEvent<OutgoingServerAdded>)e);
                    break;
                case ServerDeleted:
                    servers.Remove(e.StreamId);
                    break;
                case DedicatedMassMailingServerSelected selected:
                    settings = settings is null
                        ? MassMailingSettings.Create(selected)
                        : settings.Apply(selected);
                    break;
                default:
                    if (servers.TryGetValue(e.StreamId, out var server))
                    {
                        servers[e.StreamId] = OutgoingServerDecisions.Fold(server, [e.Data]);
                    }

                    break;
            }
        }

        var revision = events.Count == 0 ? Guid.Empty : events[^1].Id;
        return Build(servers.Values, settings, revision, defaults);
    }

    private static OutgoingServerInfo ToInfo(OutgoingServer server, DefaultServerOptions defaults)
    {
        var connection = ServerConnection.Of(server, defaults);
        return new OutgoingServerInfo(
            server.Id,
            server.Name,
            connection.Host,
            connection.Port,
            connection.Encryption,
            server.Authentication,
            connection.Username,
            connection.HasPassword,
            server.Secret is { HasCertificate: true },
            server.FromFilter,
            server.Priority,
            server.Active,
            server.CreatedAt,
            server.CreationOrder,
            server.AcceptInvalidCertificate);
    }
}
