using NightPos.Servers.Contracts;

namespace NightPos.Servers.OutgoingServers;

/// <summary>
/// Where and as whom a server is reached: its own settings, or for a cli server those of the
/// installation's default server (SPEC R7). Carries no secret, only whether there is one.
/// </summary>
public sealed record ServerConnection(
    string Host,
    int Port,
    ServerEncryption Encryption,
    string? Username,
    bool HasPassword)
{
    public static ServerConnection Of(OutgoingServer server, DefaultServerOptions defaults) =>
        server.Authentication == ServerAuthentication.Cli
            ? new ServerConnection(
                defaults.Host,
                defaults.Port,
                defaults.Encryption,
                string.IsNullOrEmpty(defaults.Username) ? null : defaults.Username,
                !string.IsNullOrEmpty(defaults.Password))
            : new ServerConnection(
                server.Host!,
                server.Port!.Value,
                server.Encryption!.Value,
                server.Username,
                server.Secret is { HasPassword: true });
}
