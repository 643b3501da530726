namespace NightPos.Host.Configuration;

/// <summary>The <c>NightPos</c> section of the configuration that the host itself reads.</summary>
public sealed class NightPosOptions
{
    public const string Section = "NightPos";

    public AuthOptions Auth { get; set; } = new();

    public SecretsOptions Secrets { get; set; } = new();
}

/// <summary>
/// The three bearer keys of API.md. Each is required: a host without one of them refuses to
/// start rather than silently leaving a role without access.
/// </summary>
public sealed class AuthOptions
{
    public string? AdminKey { get; set; }

    public string? AuditorKey { get; set; }

    public string? SenderKey { get; set; }
}

/// <summary>
/// The master key that protects every stored server secret (ADR 0008). Required: without it no
/// secret could be stored or read, and a made-up one would lose every secret at the next start.
/// </summary>
public sealed class SecretsOptions
{
    public string? MasterKey { get; set; }
}
