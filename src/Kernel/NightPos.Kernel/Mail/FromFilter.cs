namespace NightPos.Kernel.Mail;

/// <summary>
/// A FROM filter (SPEC "Terms"): comma-separated entries, each a domain (<c>example.com</c>) or a
/// whole address (<c>test@example.com</c>). Entries are trimmed and normalised (lower-case,
/// punycode); empty entries are dropped, and a filter with no entries left is empty, which
/// allows every sender. Matching is exact: a domain entry holds only addresses of that very
/// domain, never of its sub-domains or of a look-alike.
/// </summary>
public sealed class FromFilter : IEquatable<FromFilter>
{
    private readonly HashSet<string> _addresses;
    private readonly HashSet<string> _domains;

    private FromFilter(IReadOnlyList<string> entries)
    {
        Entries = entries;
        _addresses = entries.Where(e => e.Contains('@')).ToHashSet(StringComparer.Ordinal);
        _domains = entries.Where(e => !e.Contains('@')).ToHashSet(StringComparer.Ordinal);
    }

    public static FromFilter Empty { get; } = new([]);

    /// <summary>The normalised entries, in the order given, without duplicates.</summary>
    public IReadOnlyList<string> Entries { get; }

    public bool IsEmpty => Entries.Count == 0;

    public IEnumerable<string> Addresses => Entries.Where(e => e.Contains('@'));

    public IEnumerable<string> Domains => Entries.Where(e => !e.Contains('@'));

    /// <summary>
    /// Parses a filter as an administrator typed it. Answers null with a reason naming the
    /// first entry that is neither a valid domain nor a valid address.
    /// </summary>
    public static FromFilter? Parse(string? raw, out string? error)
    {
        error = null;
        var entries = new List<string>();
        foreach (var part in (raw ?? "").Split(','))
        {
            // Only spaces are trimmed: a CR or LF anywhere is refused (SPEC R17), never dropped.
            var entry = part.Trim(' ');
            if (entry.Length == 0)
            {
                continue;
            }

            var normalised = entry.Contains('@')
                ? EmailAddress.Normalize(entry, out var reason)
                : DomainName.Normalize(entry, out reason);
            if (normalised is null)
            {
                var advice = entry.Contains(';') || entry.Trim().Contains(' ')
                    ? "separate entries with commas, each a domain (example.com) or an address "
                        + "(name@example.com)"
                    : "use a domain (example.com) or an address (name@example.com)";
                error = $"the entry '{Printable(entry)}' {reason}; {advice}";
                return null;
            }

            if (!entries.Contains(normalised))
            {
                entries.Add(normalised);
            }
        }

        return entries.Count == 0 ? Empty : new FromFilter(entries);
    }

    /// <summary>Parses a filter that was validated when it was stored.</summary>
    public static FromFilter FromStored(string? stored) =>
        Parse(stored, out var error)
        ?? throw new ArgumentException($"Stored FROM filter is invalid: {error}", nameof(stored));

    /// <summary>True when an entry is this whole address (given in comparable form).</summary>
    public bool HoldsAddress(string comparableAddress) => _addresses.Contains(comparableAddress);

    /// <summary>True when an entry is this very domain (given in ASCII lower-case).</summary>
    public bool HoldsDomain(string asciiDomain) => _domains.Contains(asciiDomain);

    /// <summary>
    /// True when mail from the address may go through a server with this filter: the filter is
    /// empty, or holds the address or its domain.
    /// </summary>
    public bool Allows(string? address)
    {
        if (IsEmpty)
        {
            return true;
        }

        var comparable = EmailAddress.ToComparable(address);
        return comparable is not null
            && (HoldsAddress(comparable) || HoldsDomain(EmailAddress.DomainOf(comparable)));
    }

    public override string ToString() => string.Join(",", Entries);

    public bool Equals(FromFilter? other) =>
        other is not null && Entries.SequenceEqual(other.Entries, StringComparer.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as FromFilter);

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    // Control characters are shown escaped, so that the answer cannot itself break a line.
    private static string Printable(string entry) =>
        string.Concat(entry.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
