namespace NightPos.Domains;

/// <summary>
/// The settings of the <c>NightPos</c> section that the Domains module reads (API.md, "Starting
/// the host"; ADR 0007 for the company name).
/// </summary>
public sealed class DomainsOptions
{
    public const string Section = "NightPos";

    /// <summary>
    /// The database subdomain (SPEC "Terms"): the first alias domain and the first value of
    /// <c>mail.default.from_filter</c>. Normalised to ASCII lower-case once validated.
    /// </summary>
    public string DatabaseDomain { get; set; } = "company-name.nightpos.com";

    /// <summary>The name of the company a new database starts with (SPEC R1).</summary>
    public string CompanyName { get; set; } = "My Company";
}
