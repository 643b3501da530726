using System.Text;
using MimeKit;
using MimeKit.Utils;
using NightPos.Kernel.Mail;

namespace NightPos.Dispatch.Routing;

/// <summary>
/// The author's From as the sender wrote it (display name included), parsed by MimeKit into the
/// one mailbox it must be, with the keys routing looks it up by.
/// </summary>
internal sealed class AuthorFrom
{
    private static readonly ParserOptions Parsing = ParserOptions.Default.Clone();

    private readonly int _at;

    private AuthorFrom(MailboxAddress mailbox, int at, string domain)
    {
        Mailbox = mailbox;
        _at = at;
        WireAddress = mailbox.GetAddress(idnEncode: true);
        Keys = KeysOf(mailbox.Address, at, domain);
    }

    public MailboxAddress Mailbox { get; }

    public MatchKeys Keys { get; }

    /// <summary>The address with its domain in punycode: what an SMTP envelope can carry.</summary>
    public string WireAddress { get; }

    /// <summary>
    /// The display name a rewritten From keeps (SPEC R5): the author's own, or the local part of
    /// the address when there is none, so that <c>mary@customer.example</c> still reads "mary".
    /// </summary>
    public string NameWhenRewritten =>
        Mailbox.Name is { Length: > 0 } name ? name : Unquote(Mailbox.Address[.._at]);

    /// <summary>
    /// Parses a raw From. Answers true with a null author when there is none (null or blank:
    /// the message has no author address), false with a reason a sender can act on when the
    /// text is not exactly one mailbox.
    /// </summary>
    public static bool TryParse(string? raw, out AuthorFrom? author, out string? error)
    {
        author = null;
        error = null;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return true;
        }

        // SPEC R17: MimeKit would silently unfold a CR or LF; refusing it keeps a sender from
        // smuggling a second header in through the From.
        if (raw.AsSpan().ContainsAny('\r', '\n'))
        {
            error = "contains a line break (CR or LF), which no header value may hold";
            return false;
        }

        // Fails for a group, for several addresses ("a@x.com, b@y.com") and for text that is no
        // address at all; a display name that looks like an address ("a@x.com" <b@y.com>) is
        // only a name.
        var at = -1;
        if (!MailboxAddress.TryParse(Parsing, raw, out var mailbox)
            || (at = mailbox.Address.LastIndexOf('@')) <= 0
            || at == mailbox.Address.Length - 1)
        {
            error = "is not one mailbox: give a single address, optionally with a display name, "
                + "e.g. \"Mary\" <mary@example.com>";
            return false;
        }

        // MimeKit takes a domain literal ([127.0.0.1]) or any atom text (example.com/path) as a
        // domain; SMTP can carry neither to a host name, so routing refuses them too (R5, R17).
        var domain = AsciiDomainOf(mailbox.Address.AsSpan(at + 1), out var reason);
        if (domain is null)
        {
            error = $"has a domain that {reason}";
            return false;
        }

        author = new AuthorFrom(mailbox, at, domain);
        return true;
    }

    private static MatchKeys KeysOf(string address, int at, string domain)
    {
        // Near miss: a non-ASCII local part (RFC 6532) is never a filter entry, so it gets no
        // whole-address key rather than a case-folded one that could equal an ASCII entry.
        var local = address.AsSpan(0, at);
        if (!Ascii.IsValid(local))
        {
            return new MatchKeys(null, domain);
        }

        return address.AsSpan(at + 1).SequenceEqual(domain)
            ? new MatchKeys(address, domain)
            : new MatchKeys(string.Concat(local, "@", domain), domain);
    }

    private static string? AsciiDomainOf(ReadOnlySpan<char> domain, out string? error)
    {
        // The common case, an ASCII host name, is used as it is: the filter sets compare ASCII
        // case-insensitively, and a look-alike or a sub-domain stays a different key.
        // Internationalised names compare in their punycode form (SPEC "FROM filter").
        error = null;
        return DomainName.IsPlainHostName(domain)
            ? domain.ToString()
            : DomainName.Normalize(domain.ToString(), out error);
    }

    private static string Unquote(string localPart) =>
        localPart.StartsWith('"') ? MimeUtils.Unquote(localPart) : localPart;
}
