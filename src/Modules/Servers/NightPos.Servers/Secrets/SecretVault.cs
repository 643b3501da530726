using Marten;
using NightPos.Servers.Contracts;

namespace NightPos.Servers.Secrets;

/// <summary>
/// Writes and destroys server credentials inside the caller's Marten session, so that they
/// commit or roll back with the events that reference them (ADR 0008).
/// </summary>
public sealed class SecretVault(SecretCipher cipher, TimeProvider clock)
{
    /// <summary>
    /// Seals the credentials under a new data key, destroying the key they replace, and answers
    /// the reference an event may carry.
    /// </summary>
    public SecretReference Store(
        IDocumentSession session,
        Guid serverId,
        ServerSecrets secrets,
        SecretReference? replaced,
        string? actor)
    {
        var now = clock.GetUtcNow();
        var (key, secret) = cipher.Seal(serverId, secrets, now);
        if (replaced is not null)
        {
            session.Delete<ServerDataKey>(replaced.KeyId);
        }

        session.Store(key);
        session.Store(secret);
        return new SecretReference(
            key.Id,
            HasPassword: secrets.Password is not null,
            HasCertificate: secrets.CertificatePem is not null,
            actor,
            now);
    }

    /// <summary>Destroys the data key and the ciphertext: the secret is gone for good.</summary>
    public static void Destroy(IDocumentSession session, Guid serverId, SecretReference secret)
    {
        session.Delete<ServerDataKey>(secret.KeyId);
        session.Delete<ServerSecret>(serverId);
    }
}
