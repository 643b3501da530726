namespace NightPos.Domains.AliasDomains;

/// <summary>
/// A local part mail has gone out from at an alias domain's domain (SPEC R15), one document
/// per address (its id), so that recording it twice is the same write.
/// </summary>
public sealed record SenderLocalPart(
    string Id,
    string Domain,
    string LocalPart,
    DateTimeOffset FirstUsedAt);
