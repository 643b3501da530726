namespace NightPos.Kernel.Mail;

/// <summary>
/// Bare addresses (<c>local@domain</c>, no display name) in the form the product compares:
/// local part lower-case, domain in ASCII lower-case (SPEC R5: comparison is case-insensitive,
/// internationalised domains compare in their ASCII form).
/// </summary>
public static class EmailAddress
{
    /// <summary>
    /// Answers the comparable form of a bare address for matching, accepting any local part
    /// that a received From can carry, or null when it has no '@' or an invalid domain.
    /// </summary>
    public static string? ToComparable(string? address)
    {
        var at = address?.LastIndexOf('@') ?? -1;
        if (address is null || at <= 0 || at == address.Length - 1)
        {
            return null;
        }

        var domain = DomainName.Normalize(address[(at + 1)..], out _);
        return domain is null ? null : $"{address[..at].ToLowerInvariant()}@{domain}";
    }

    /// <summary>
    /// Validates an address the product will store (an alias, a filter entry): a dot-atom local
    /// part and a valid domain. Answers the normalised address or null with the reason.
    /// </summary>
    public static string? Normalize(string? input, out string? error)
    {
        // Only spaces are trimmed: a CR or LF anywhere is refused (SPEC R17), never dropped.
        var text = input?.Trim(' ') ?? "";
        var at = text.LastIndexOf('@');
        if (at < 0)
        {
            error = "is not an address (local-part@domain)";
            return null;
        }

        var local = LocalPart.Normalize(text[..at], out var localError);
        if (local is null)
        {
            error = $"has a local part that {localError}";
            return null;
        }

        var domain = DomainName.Normalize(text[(at + 1)..], out var domainError);
        if (domain is null)
        {
            error = $"has a domain that {domainError}";
            return null;
        }

        error = null;
        return $"{local}@{domain}";
    }

    /// <summary>The domain of a comparable address (everything after the last '@').</summary>
    public static string DomainOf(string comparable) => comparable[(comparable.LastIndexOf('@') + 1)..];

    /// <summary>The local part of an address (everything before the last '@').</summary>
    public static string LocalPartOf(string address) => address[..address.LastIndexOf('@')];
}
