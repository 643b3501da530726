using NightPos.Servers.Contracts;

namespace NightPos.Servers.OutgoingServers;

/// <summary>
/// An outgoing server as the API answers it (API.md): every field but the secrets, which show
/// only as <see cref="HasPassword"/> and <see cref="HasCertificate"/>. A cli server shows the
/// connection of the installation's default server, which it uses (SPEC R7).
/// </summary>
public sealed record ServerView(
    Guid Id,
    string Name,
    string Host,
    int Port,
    ServerEncryption Encryption,
    bool AcceptInvalidCertificate,
    ServerAuthentication Authentication,
    string? Username,
    bool HasPassword,
    bool HasCertificate,
    string FromFilter,
    int Priority,
    bool Active,
    DateTimeOffset CreatedAt,
    ConnectionTestSummary? LastTest)
{
    public static ServerView From(OutgoingServer server, DefaultServerOptions defaults)
    {
        var connection = ServerConnection.Of(server, defaults);
        return new ServerView(
            server.Id,
            server.Name,
            connection.Host,
            connection.Port,
            connection.Encryption,
            server.AcceptInvalidCertificate,
            server.Authentication,
            connection.Username,
            connection.HasPassword,
            server.Secret is { HasCertificate: true },
            server.FromFilter,
            server.Priority,
            server.Active,
            server.CreatedAt,
            server.LastTest);
    }
}
