namespace NightPos.Domains.Configuration;

/// <summary>
/// The one marker document of the module: its <see cref="Revision"/> is replaced in the same
/// transaction as every change of alias domains, companies or parameters (ADR 0006).
/// </summary>
public sealed record DomainsRevision(string Id, Guid Revision)
{
    public const string Key = "domains";
}
