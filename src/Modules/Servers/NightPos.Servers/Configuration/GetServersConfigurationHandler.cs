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
                .Where(e => e.EventTypesAre(ServersEventTypes.ConfigurationChanges))
                .Where(e => e.Timestamp <= at)
                .OrderBy(e => e.Sequence)
                .ToListAsync(cancellation);
            return ServersSnapshot.Fold(events, defaults.Value);
        }

        // The revision is read before the documents (ADR 0006): a change committing between the
        // reads leaves newer documents under an older revision, which a reader only refreshes
        // once more, never the reverse, which it would keep for good.
        var batch = session.CreateBatchQuery();
        var revision = batch.Load<ServersRevision>(ServersRevision.Key);
        var servers = batch.Query<OutgoingServer>().ToList();
        var settings = batch.Load<MassMailingSettings>(MassMailingSettings.StreamId);
        await batch.Execute(cancellation);

        return ServersSnapshot.Build(
            await servers,
            await settings,
            (await revision)?.Revision ?? Guid.Empty,
            defaults.Value);
    }
}
