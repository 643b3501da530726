using NightPos.Servers.Contracts;

namespace NightPos.Dispatch.Tests.Delivery;

/// <summary>
/// Answers the same secrets for every server: tests of the edge need no Servers module.
/// </summary>
internal sealed class StaticCredentials(ServerSecrets? secrets) : IServerCredentials
{
    public Task<ServerSecrets?> GetAsync(Guid serverId, CancellationToken cancellation) =>
        Task.FromResult(secrets);
}
