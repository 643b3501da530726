namespace NightPos.Servers.Secrets;

/// <summary>
/// <c>NightPos:Secrets</c>: the master key that wraps every server's data key (ADR 0008), the
/// base64 of 32 random bytes. The host refuses to start without a valid one.
/// </summary>
public sealed class SecretsOptions
{
    public const string Section = "NightPos:Secrets";

    public string? MasterKey { get; set; }
}
