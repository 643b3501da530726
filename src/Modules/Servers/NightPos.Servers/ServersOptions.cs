namespace NightPos.Servers;

/// <summary>
/// The installation settings of the Servers module: <c>NightPos:Servers</c>, plus the database
/// subdomain (<c>NightPos:DatabaseDomain</c>) that <c>cli</c> servers get as FROM filter (SPEC R7).
/// </summary>
public sealed class ServersOptions
{
    public const string Section = "NightPos:Servers";

    public const string DefaultDatabaseDomain = "company-name.nightpos.com";

    /// <summary>Lifts SPEC R8 for installations whose network lets port 25 out.</summary>
    public bool AllowPort25 { get; set; }

    /// <summary>How long a test connection (SPEC R9) may take from connect to QUIT.</summary>
    public TimeSpan TestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The recipient a test connection names in RCPT TO; by default the postmaster of the test
    /// sender's domain, which RFC 5321 section 4.5.1 requires every domain to accept.
    /// </summary>
    public string? TestRecipient { get; set; }

    public string DatabaseDomain { get; set; } = DefaultDatabaseDomain;
}
