namespace NightPos.Servers.Secrets;

/// <summary>
/// What an event records about a server's credentials (SPEC R17, ADR 0008): the data key that
/// protects them, what kind they are, who stored them and when. Never the secret itself.
/// </summary>
public sealed record SecretReference(
    Guid KeyId,
    bool HasPassword,
    bool HasCertificate,
    string? StoredBy,
    DateTimeOffset StoredAt);
