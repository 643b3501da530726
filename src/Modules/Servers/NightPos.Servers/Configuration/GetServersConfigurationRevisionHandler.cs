using Marten;
using NightPos.Servers.Contracts;

namespace NightPos.Servers.Configuration;

/// <summary>
/// Answers <see cref="GetServersConfigurationRevision"/> from the revision marker alone.
/// </summary>
public static class GetServersConfigurationRevisionHandler
{
    public static async Task<Guid> Handle(
        GetServersConfigurationRevision query,
        IQuerySession session,
        CancellationToken cancellation)
    {
        var marker = await session.LoadAsync<ServersRevision>(ServersRevision.Key, cancellation);
        return marker?.Revision ?? Guid.Empty;
    }
}
