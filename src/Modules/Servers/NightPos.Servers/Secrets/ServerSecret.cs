namespace NightPos.Servers.Secrets;

/// <summary>
/// A server's credentials, encrypted (AES-GCM) under the data key <see cref="KeyId"/> and bound
/// to the server and that key as associated data, so that a row copied onto another server or
/// key does not decrypt (ADR 0008). The id is the server's.
/// </summary>
public sealed class ServerSecret
{
    public Guid Id { get; set; }

    public Guid KeyId { get; set; }

    /// <summary>Nonce, ciphertext and tag of the credentials, in that order.</summary>
    public byte[] Ciphertext { get; set; } = [];
}
