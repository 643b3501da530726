using NightPos.Servers.Contracts;

namespace NightPos.Dispatch.Delivery;

/// <summary>
/// Where one message goes and how to connect, without any secret: those are read only when a
/// connection opens. <see cref="Key"/> names the pool of connections that may carry it; a change
/// of any connection setting makes a new key, so old connections are never used for it.
/// <see cref="IsDefaultServer"/>: the mail counts against the daily limit (SPEC R10).
/// </summary>
public sealed record SmtpTarget(
    Guid? ServerId,
    string Host,
    int Port,
    ServerEncryption Encryption,
    SmtpLogin Login,
    string? Username,
    bool IsDefaultServer = false)
{
    public string Key { get; } =
        $"{ServerId?.ToString() ?? "default"}|{Host}|{Port}|{Encryption}|{Login}|{Username}";

    /// <summary>
    /// For logs: the server id, or <c>default</c> for the installation's default server.
    /// </summary>
    public string Label => ServerId?.ToString() ?? "default";

    public static SmtpTarget ForDefaultServer(
        DefaultServerOptions options,
        Guid? serverId = null) =>
        new(
            serverId,
            options.Host,
            options.Port,
            options.Encryption,
            string.IsNullOrEmpty(options.Username)
                ? SmtpLogin.None
                : SmtpLogin.DefaultServerPassword,
            options.Username,
            IsDefaultServer: true);

    /// <summary>
    /// A server record; one with authentication <c>cli</c> connects with the default server's
    /// settings from the configuration (SPEC R7), and a <c>login</c> server without user and
    /// password relays without AUTH.
    /// </summary>
    public static SmtpTarget ForServer(OutgoingServerInfo server, DefaultServerOptions defaults) =>
        server.Authentication switch
        {
            ServerAuthentication.Cli => ForDefaultServer(defaults, server.Id),
            ServerAuthentication.Certificate => new(server.Id, server.Host, server.Port,
                server.Encryption, SmtpLogin.ServerCertificate, server.Username),
            _ when server is { Username: { Length: > 0 }, HasPassword: true } => new(server.Id,
                server.Host, server.Port, server.Encryption, SmtpLogin.ServerPassword,
                server.Username),
            _ => new(server.Id, server.Host, server.Port, server.Encryption, SmtpLogin.None,
                null),
        };
}
