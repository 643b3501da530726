namespace NightPos.Servers.Secrets;

/// <summary>
/// One server's data key, wrapped (AES-GCM) by the master key whose fingerprint it names
/// (ADR 0008). Deleting this row is what makes the server's secret unrecoverable.
/// </summary>
public sealed class ServerDataKey
{
    public Guid Id { get; set; }

    public Guid ServerId { get; set; }

    public string MasterKeyId { get; set; } = "";

    /// <summary>Nonce, ciphertext and tag of the data key, in that order.</summary>
    public byte[] WrappedKey { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
}
