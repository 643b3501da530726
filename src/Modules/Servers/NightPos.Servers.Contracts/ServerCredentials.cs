namespace NightPos.Servers.Contracts;

/// <summary>
/// Hands the decrypted secrets of one outgoing server to the code that opens an SMTP connection
/// to it (delivery, test connection). Implemented by the Servers module and injected in-process:
/// secrets never travel in a Wolverine message, an event or a document (SPEC R17). Callers keep
/// the answer only as long as the connection needs it and never log it.
/// </summary>
public interface IServerCredentials
{
    /// <summary>
    /// The secrets of the server, or null when it has none or no longer exists (deleting a
    /// server destroys its data key, so its secrets are gone for good).
    /// </summary>
    Task<ServerSecrets?> GetAsync(Guid serverId, CancellationToken cancellation);
}

/// <summary>
/// What authenticates to a server: the password for <c>login</c>, the PEM client certificate and
/// private key for <c>certificate</c>. Unused members are null.
/// </summary>
public sealed record ServerSecrets(string? Password, string? CertificatePem, string? PrivateKeyPem)
{
    /// <summary>Never prints the secrets, whoever formats this record.</summary>
    public override string ToString() => nameof(ServerSecrets);
}
