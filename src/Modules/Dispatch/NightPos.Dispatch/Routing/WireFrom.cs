using System.Buffers;
using System.Text;
using MimeKit;
using MimeKit.Utils;

namespace NightPos.Dispatch.Routing;

/// <summary>
/// Writes a From header value exactly as MimeKit puts it on the wire for a server without
/// SMTPUTF8: the display name as an RFC 2047 phrase (quoted or encoded as needed), then the
/// address in angle brackets with its domain in punycode, or the bare address when there is no
/// name. The value is kept on one line (folding is whitespace a receiver removes, RFC 5322
/// 2.2.3), so that it reads back as the same mailbox and can be shown as it is.
/// </summary>
internal static class WireFrom
{
    // Names longer than this go through MimeKit whole: only there can a word reach the line
    // length at which MimeKit starts encoding it.
    private const int PlainNameLimit = 200;

    private static readonly FormatOptions Wire = CreateOptions();

    // RFC 5322 3.2.3 atext, which is what MimeKit writes unquoted in a phrase.
    private static readonly SearchValues<char> Atext = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~");

    /// <summary>The author's own mailbox as it goes out.</summary>
    public static string Format(MailboxAddress mailbox, string wireAddress) =>
        mailbox.Route.Count > 0
            ? mailbox.ToString(Wire, encode: true)
            : Format(mailbox.Name, wireAddress, mailbox.Encoding);

    /// <summary>A display name (none when null or empty) on an ASCII address.</summary>
    public static string Format(string? name, string wireAddress) =>
        Format(name, wireAddress, Encoding.UTF8);

    private static string Format(string? name, string wireAddress, Encoding charset)
    {
        if (string.IsNullOrEmpty(name))
        {
            return wireAddress;
        }

        // MimeKit's phrase encoder leaves a run of atoms separated by single spaces as it is;
        // anything else (dots, quotes, non-ASCII, odd spacing) it quotes or encodes itself.
        var phrase = IsPlainPhrase(name)
            ? name
            : Encoding.ASCII.GetString(Rfc2047.EncodePhrase(Wire, charset, name));
        return string.Concat(phrase, " <", wireAddress, ">");
    }

    private static bool IsPlainPhrase(string name)
    {
        if (name.Length > PlainNameLimit || name[0] == ' ' || name[^1] == ' ')
        {
            return false;
        }

        var rest = name.AsSpan();
        while (rest.Length > 0)
        {
            var word = rest.IndexOf(' ') is var space and >= 0 ? rest[..space] : rest;
            if (word.Length == 0 || word.ContainsAnyExcept(Atext))
            {
                return false;
            }

            rest = rest[Math.Min(rest.Length, word.Length + 1)..];
        }

        return true;
    }

    private static FormatOptions CreateOptions()
    {
        var options = FormatOptions.Default.Clone();
        options.International = false;
        options.MaxLineLength = 998;
        return options;
    }
}
