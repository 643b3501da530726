namespace NightPos.Servers.Contracts;

/// <summary>
/// The default server of the installation (SPEC "Terms", R7), from the configuration section
/// <c>NightPos:DefaultServer</c>. Servers with authentication <c>cli</c> connect with these
/// settings; the password is read from configuration only and never recorded.
/// </summary>
public sealed class DefaultServerOptions
{
    public const string Section = "NightPos:DefaultServer";

    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 587;

    public ServerEncryption Encryption { get; set; } = ServerEncryption.Starttls;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Never prints the password, whoever formats these options.</summary>
    public override string ToString() => $"{Host}:{Port} ({Encryption})";
}
