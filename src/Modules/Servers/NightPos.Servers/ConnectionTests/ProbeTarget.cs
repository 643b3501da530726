using NightPos.Servers.Contracts;

namespace NightPos.Servers.ConnectionTests;

/// <summary>
/// What a test connection talks to and as whom, and whether a certificate that fails validation
/// is accepted (ADR 0019). <see cref="ToString"/> leaves the secrets out.
/// </summary>
public sealed record ProbeTarget(
    Guid ServerId,
    string Host,
    int Port,
    ServerEncryption Encryption,
    string? Username,
    ServerSecrets? Secrets,
    string Sender,
    string Recipient,
    bool AcceptInvalidCertificate = false)
{
    public override string ToString() => $"server {ServerId} at {Host}:{Port} ({Encryption})";
}
