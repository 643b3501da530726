using NightPos.Servers.Contracts;

namespace NightPos.Servers.ConnectionTests;

/// <summary>
/// What a test connection talks to and as whom. <see cref="ToString"/> leaves the secrets out.
/// </summary>
public sealed record ProbeTarget(
    Guid ServerId,
    string Host,
    int Port,
    ServerEncryption Encryption,
    string? Username,
    ServerSecrets? Secrets,
    string Sender,
    string Recipient)
{
    public override string ToString() => $"server {ServerId} at {Host}:{Port} ({Encryption})";
}
