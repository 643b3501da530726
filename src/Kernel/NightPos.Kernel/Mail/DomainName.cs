using System.Buffers;
using System.Globalization;

namespace NightPos.Kernel.Mail;

/// <summary>
/// Mail domains in the one form the product stores and compares: ASCII (punycode for
/// internationalised names, per IDNA), lower-case, without a trailing dot (SPEC R3, R5).
/// </summary>
public static class DomainName
{
    private const int MaxLength = 253;
    private const int MaxLabelLength = 63;

    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    private static readonly SearchValues<char> LettersDigitsHyphen = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-");

    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    /// <summary>
    /// Answers the ASCII, lower-case form of <paramref name="input"/>, or null with the reason
    /// when it is not a host name of at least two labels (RFC 1035 letters, digits and inner
    /// hyphens per label, IDNA for the rest).
    /// </summary>
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

        if (text.Any(char.IsWhiteSpace) || text.Any(char.IsControl))
        {
            error = "contains spaces or control characters";
            return null;
        }

        string ascii;
        try
        {
            ascii = Idn.GetAscii(text.TrimEnd('.')).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            error = "is not a valid domain name (letters, digits and hyphens per label, "
                + "labels separated by dots)";
            return null;
        }

        var labels = ascii.Split('.');
        if (ascii.Length > MaxLength || labels.Length < 2)
        {
            error = labels.Length < 2
                ? "needs at least two labels, e.g. example.com"
                : $"is longer than {MaxLength} characters";
            return null;
        }

        foreach (var label in labels)
        {
            if (!IsLdhLabel(label))
            {
                error = $"has an invalid label '{label}' (letters, digits and inner hyphens, "
                    + $"at most {MaxLabelLength} characters)";
                return null;
            }
        }

        // RFC 3696 section 2: no top-level domain is all digits, so 127.0.0.1 is an address
        // that happens to parse as labels, not a mail domain.
        if (labels[^1].All(char.IsAsciiDigit))
        {
            error = "ends in an all-numeric label: an IP address is not a mail domain";
            return null;
        }

        return ascii;
    }

    /// <summary>
    /// Whether <paramref name="domain"/> is already a host name that <see cref="Normalize"/>
    /// would store unchanged but for letter case: plain ASCII labels, no punycode, no trailing
    /// dot. A false answer is no refusal: such a name needs <see cref="Normalize"/> to decide.
    /// This lets a hot path (routing every message) skip the IDNA mapping and its allocations.
    /// </summary>
    public static bool IsPlainHostName(ReadOnlySpan<char> domain)
    {
        if (domain.Length is 0 or > MaxLength)
        {
            return false;
        }

        var labels = 0;
        var allDigits = false;
        foreach (var range in domain.Split('.'))
        {
            var label = domain[range];
            // "--" in the third and fourth places marks an IDNA label (RFC 5891 4.2.3.1):
            // only the IDNA mapping can tell whether it is a valid one.
            if (!IsLdhLabel(label) || label is [_, _, '-', '-', ..])
            {
                return false;
            }

            labels++;
            allDigits = !label.ContainsAnyExcept(Digits);
        }

        return labels >= 2 && !allDigits;
    }

    /// <summary>The Unicode form of a stored ASCII domain, for display only.</summary>
    public static string ToUnicode(string ascii)
    {
        try
        {
            return Idn.GetUnicode(ascii);
        }
        catch (ArgumentException)
        {
            return ascii;
        }
    }

    private static bool IsLdhLabel(ReadOnlySpan<char> label) =>
        label.Length is > 0 and <= MaxLabelLength
        && label[0] != '-'
        && label[^1] != '-'
        && !label.ContainsAnyExcept(LettersDigitsHyphen);
}
