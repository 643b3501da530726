using Marten;
using NightPos.Servers.Contracts;

namespace NightPos.Servers.Secrets;

/// <summary>
/// Decrypts a server's credentials for the code that opens a connection to it, in-process only
/// (SPEC R17): the answer never travels in a message, an event or a document.
/// </summary>
public sealed class ServerCredentials(IDocumentStore store, SecretCipher cipher)
    : IServerCredentials
{
    public async Task<ServerSecrets?> GetAsync(Guid serverId, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var secret = await session.LoadAsync<ServerSecret>(serverId, cancellation);
        if (secret is null)
        {
            return null;
        }

        var key = await session.LoadAsync<ServerDataKey>(secret.KeyId, cancellation);
        return key is null ? null : cipher.Open(key, secret);
    }
}
