using MimeKit;

namespace NightPos.Dispatch.Routing;

/// <summary>
/// Writes a From header value exactly as MimeKit puts it on the wire for a server without
/// SMTPUTF8: display names RFC 2047-encoded or quoted as needed, domains in punycode. The value
/// is kept on one line (folding is whitespace a receiver removes, RFC 5322 2.2.3), so that it
/// reads back as the same mailbox and can be shown as it is.
/// </summary>
internal static class WireFrom
{
    private static readonly FormatOptions Wire = CreateOptions();

    public static string Format(MailboxAddress mailbox) => mailbox.ToString(Wire, encode: true);

    public static string Format(string? name, string address) =>
        Format(new MailboxAddress(name ?? "", address));

    private static FormatOptions CreateOptions()
    {
        var options = FormatOptions.Default.Clone();
        options.International = false;
        options.MaxLineLength = 998;
        return options;
    }
}
