using JasperFx.Events;
using Marten.Events;
using Marten;
using Microsoft.Extensions.Options;
using NightPos.Servers.Contracts;
using NightPos.Servers.MassMailing;
using NightPos.Servers.OutgoingServers;

namespace NightPos.Servers.Configuration;

/// <summary>Answers <see cref="GetServersConfiguration"/> from committed data.</summary>
public static class GetServersConfigurationHandler
{
    public static async Task<ServersConfiguration> Handle(
        GetServersConfiguration query,
        IQuerySession session,
        IOptions<DefaultServerOptions> defaults,
        CancellationToken cancellation)
    {
        if (query.At is { } at)
        {
            var events = await session.Events.QueryAllRawEvents()
                .Where(e => e.EventTypesAre(ServersEventTypes.ConfigurationChanges) && e.Timestamp <= at)
                .OrderBy(e => e.Sequence)
                .ToListAsync(cancellation);
            return ServersSnapshot.Fold(events, defaults.Value);
        }

        // The marker is read before the documents: a change committed in between then pairs
        // newer documents with an older revision, which a reader refetches, never the reverse,
        // which a reader would keep believing current.
        var marker = await session.LoadAsync<ServersRevision>(ServersRevision.MarkerId, cancellation);
        var servers = await session.Query<OutgoingServer>().ToListAsync(cancellation);
        var settings = await session.LoadAsync<MassMailingSettings>(
            MassMailingSettings.StreamId, cancellation);
        return ServersSnapshot.Build(servers, settings, marker?.Revision ?? Guid.Empty, defaults.Value);
    }
}
