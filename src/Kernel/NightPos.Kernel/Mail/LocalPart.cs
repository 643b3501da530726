namespace NightPos.Kernel.Mail;

/// <summary>
/// Local parts (the part before '@') as the product accepts them for its own aliases: the
/// RFC 5322 dot-atom form (section 3.4.1), stored lower-case. Quoted local parts are refused:
/// no provider lets them be whitelisted, and they are a classic source of look-alike senders.
/// </summary>
public static class LocalPart
{
    private const int MaxLength = 64;

    // RFC 5322 3.2.3 atext: letters, digits and these symbols.
    private const string AtextSymbols = "!#$%&'*+-/=?^_`{|}~";

    public static string? Normalize(string? input, out string? error)
    {
        error = null;
        // Only spaces are trimmed: a CR or LF anywhere is refused (SPEC R17), never dropped.
        var text = input?.Trim(' ') ?? "";
        if (text.Length == 0)
        {
            error = "is empty";
            return null;
        }

        if (text.Length > MaxLength)
        {
            error = $"is longer than {MaxLength} characters (RFC 5321 4.5.3.1.1)";
            return null;
        }

        if (text.Contains('@'))
        {
            error = "must be a local part only, without '@' and a domain";
            return null;
        }

        if (text.StartsWith('.') || text.EndsWith('.') || text.Contains(".."))
        {
            error = "cannot start or end with a dot or hold two dots in a row";
            return null;
        }

        var bad = text.FirstOrDefault(c => c != '.' && !IsAtext(c));
        if (bad != default)
        {
            error = char.IsWhiteSpace(bad) || char.IsControl(bad)
                ? "contains spaces or control characters"
                : $"contains '{bad}', which a local part cannot hold";
            return null;
        }

        return text.ToLowerInvariant();
    }

    private static bool IsAtext(char c) => char.IsAsciiLetterOrDigit(c) || AtextSymbols.Contains(c);
}
