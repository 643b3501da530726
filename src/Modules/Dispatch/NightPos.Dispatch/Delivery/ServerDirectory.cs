using Microsoft.Extensions.Options;
using NightPos.Servers.Contracts;
using Wolverine;

namespace NightPos.Dispatch.Delivery;

/// <summary>
/// Finds where a routed message goes: the default server from the configuration, or a server
/// record from the Servers module. The server list is cached by its revision, which is checked
/// at most once a second, so that thousands of messages do not each read the whole list.
/// </summary>
public sealed class ServerDirectory(IOptions<DefaultServerOptions> defaults, TimeProvider clock)
{
    private static readonly TimeSpan RevisionCheckInterval = TimeSpan.FromSeconds(1);

    private Snapshot? _snapshot;

    /// <summary>
    /// The target for <paramref name="serverId"/> (null: the default server), or null when the
    /// server no longer exists or is archived, so that the message must be routed again.
    /// </summary>
    public async Task<SmtpTarget?> FindAsync(
        Guid? serverId,
        IMessageBus bus,
        CancellationToken cancellation)
    {
        if (serverId is not { } id)
        {
            return SmtpTarget.ForDefaultServer(defaults.Value);
        }

        var servers = await CurrentAsync(bus, cancellation);
        return servers.ById.TryGetValue(id, out var server) && server.Active
            ? SmtpTarget.ForServer(server, defaults.Value)
            : null;
    }

    private async Task<Snapshot> CurrentAsync(IMessageBus bus, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var known = _snapshot;
        if (known is not null && now - known.CheckedAt < RevisionCheckInterval)
        {
            return known;
        }

        if (known is not null)
        {
            var revision = await bus.InvokeAsync<Guid>(
                new GetServersConfigurationRevision(), cancellation);
            if (revision == known.Revision)
            {
                _snapshot = known with { CheckedAt = now };
                return _snapshot;
            }
        }

        var configuration = await bus.InvokeAsync<ServersConfiguration>(
            new GetServersConfiguration(), cancellation);
        _snapshot = new Snapshot(
            configuration.Revision,
            configuration.Servers.ToDictionary(s => s.Id),
            now);
        return _snapshot;
    }

    private sealed record Snapshot(
        Guid Revision,
        IReadOnlyDictionary<Guid, OutgoingServerInfo> ById,
        DateTimeOffset CheckedAt);
}
