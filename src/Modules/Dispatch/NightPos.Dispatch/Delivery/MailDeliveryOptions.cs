namespace NightPos.Dispatch.Delivery;

/// <summary>
/// The <c>NightPos:Delivery</c> section: limits the send command enforces and how delivery
/// retries (SPEC R11). Durations are written <c>50ms</c>, <c>90s</c>, <c>30m</c>, <c>4h</c>, <c>5d</c> or as
/// a time span (<c>00:30:00</c>); a host with an unreadable value refuses to start.
/// </summary>
public sealed class MailDeliveryOptions
{
    public const string Section = "NightPos:Delivery";

    /// <summary>RFC 5322 2.1.1: a header line may not exceed 998 characters.</summary>
    public int MaxSubjectLength { get; set; } = 998;

    /// <summary>The text and HTML bodies together, in UTF-8 bytes.</summary>
    public int MaxBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// RFC 5321 4.5.3.1.8: servers must accept at least 100 recipients per message.
    /// </summary>
    public int MaxRecipients { get; set; } = 100;

    /// <summary>
    /// The waits between attempts after a temporary failure; the last one repeats until
    /// <see cref="MaxLifetime"/>. RFC 5321 4.5.4.1 asks for at least 30 minutes between tries.
    /// </summary>
    public string RetryDelays { get; set; } = "30m,1h,2h,4h,8h";

    /// <summary>RFC 5321 4.5.4.1: give up after at least 4-5 days.</summary>
    public string MaxLifetime { get; set; } = "5d";

    /// <summary>
    /// The longest wait for one SMTP reply before the attempt counts as timed out.
    /// </summary>
    public string CommandTimeout { get; set; } = "2m";

    /// <summary>
    /// The most send commands one intake transaction records (ADR 0024): commands that arrive
    /// while a transaction commits share the next one.
    /// </summary>
    public int IntakeBatchSize { get; set; } = 64;

    /// <summary>Intake transactions one process commits at the same time.</summary>
    public int IntakeWriters { get; set; } = 1;

    /// <summary>Open SMTP connections kept per server, reused across messages.</summary>
    public int ConnectionsPerServer { get; set; } = 4;

    /// <summary>A pooled connection idle longer than this is closed rather than reused.</summary>
    public string IdleConnectionTimeout { get; set; } = "30s";

    /// <summary>Batches of messages delivered at the same time by one process.</summary>
    public int Parallelism { get; set; } = 8;

    /// <summary>
    /// The most messages one delivery batch takes, all recorded by one commit (ADR 0011).
    /// </summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// How long a batch waits for more messages before it starts with fewer than
    /// <see cref="BatchSize"/>: the delay a quiet queue adds to each message.
    /// </summary>
    public string BatchWindow { get; set; } = "50ms";

    /// <summary>
    /// A PEM file of extra certificate authorities to trust for servers signed by a private CA;
    /// the system's trust store still applies to every other server. Connection tests trust the
    /// same authorities (ADR 0019).
    /// </summary>
    public string? TrustedCertificates { get; set; }
}
