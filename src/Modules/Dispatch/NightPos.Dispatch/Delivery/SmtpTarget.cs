using NightPos.Servers.Contracts;

namespace NightPos.Dispatch.Delivery;

/// <summary>
/// Where one message goes and how to connect, without any secret: those are read only when a
/// connection opens. <see cref="Key"/> names the pool of connections that may carry it; a change
/// of any connection setting makes a new key, so old connections are never used for it.
/// <see cref="IsDefaultServer"/>: the mail counts against the daily limit (SPEC R10).
/// <see cref="AcceptInvalidCertificate"/>: the server record accepts a TLS certificate that fails
/// validation (ADR 0019); TLS is still required.
/// </summary>
public sealed record SmtpTarget(
    Guid? ServerId,
    string Host,
    int Port,
    ServerEncryption Encryption,
    SmtpLogin Login,
    string? Username,
    bool IsDefaultServer = false,
    bool AcceptInvalidCertificate = false)
{
    // The certificate switch is part of the key: a connection opened while invalid certificates
    // were accepted must not carry mail once the server record refuses them again (ADR 0019).
    public string Key { get; } =
        $"{ServerId?.ToString() ?? "default"}|{Host}|{Port}|{Encryption}|{Login}|{Username}"
        + $"|{(AcceptInvalidCertificate ? "accept-invalid" : "validate")}";

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
            ServerAuthentication.Certificate =>
                Own(server, SmtpLogin.ServerCertificate, server.Username),
            _ when server is { Username: { Length: > 0 }, HasPassword: true } =>
                Own(server, SmtpLogin.ServerPassword, server.Username),
            _ => Own(server, SmtpLogin.None, null),
        };

    private static SmtpTarget Own(OutgoingServerInfo server, SmtpLogin login, string? username) =>
        new(server.Id, server.Host, server.Port, server.Encryption, login, username,
            AcceptInvalidCertificate: server.AcceptInvalidCertificate);
}
