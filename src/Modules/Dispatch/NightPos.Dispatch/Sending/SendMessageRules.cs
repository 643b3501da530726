using System.Text;
using MimeKit;
using NightPos.Dispatch.Contracts;
using NightPos.Dispatch.Delivery;
using NightPos.Dispatch.Messages;
using NightPos.Kernel.Mail;

namespace NightPos.Dispatch.Sending;

/// <summary>
/// The checks a send command passes before anything is recorded (SPEC R11, R17): addresses that
/// are single mailboxes, header values on one line, sizes within the configured limits. Pure:
/// the same command and settings always get the same answer.
/// </summary>
public static class SendMessageRules
{
    private const int MaxIdempotencyKeyLength = 200;

    private const int MaxLocalPartOctets = 64;
    private const int MaxAddressOctets = 254;

    // RFC 5322 2.1.1 limits a line to 998 characters; a msg-id must fit one.
    private const int MaxMessageIdLength = 998;

    // Enough for any thread's References; a longer list is trimmed by its sender (RFC 5322
    // 3.6.4 allows dropping the middle).
    private const int MaxReferences = 100;

    // Strict parsing: no bare local parts, no unquoted commas inside names, so that
    // "a@x.com, b@y.com" is two mailboxes (refused) rather than one guessed at.
    private static readonly ParserOptions Parser = new()
    {
        AddressParserComplianceMode = RfcComplianceMode.Strict,
        AllowAddressesWithoutDomain = false,
        AllowUnquotedCommasInAddresses = false,
    };

    /// <summary>
    /// Answers the first refusal, or null with the recipients when the command is sound.
    /// </summary>
    public static Refusal? Check(
        SendMessage command,
        DeliverySettings settings,
        out IReadOnlyList<Recipient> recipients)
    {
        recipients = [];
        var refusal = CheckSingle("from", command.From)
            ?? CheckSingle("replyTo", command.ReplyTo)
            ?? CheckSubject(command.Subject, settings)
            ?? CheckBody(command, settings)
            ?? CheckIdempotencyKey(command.IdempotencyKey)
            ?? CheckThreadIds(command);
        if (refusal is not null)
        {
            return refusal;
        }

        // Counted as listed, before any is parsed, so that a huge list costs nothing to refuse.
        var listed = (command.To?.Count ?? 0) + (command.Cc?.Count ?? 0)
            + (command.Bcc?.Count ?? 0);
        if (listed > settings.MaxRecipients)
        {
            return Bad("to", $"The message lists {listed} recipients; at most "
                + $"{settings.MaxRecipients} are allowed per message "
                + $"({MailDeliveryOptions.Section}:MaxRecipients). Split it into several "
                + "messages.");
        }

        var found = new List<Recipient>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        refusal = AddRecipients(found, seen, "to", command.To, RecipientKind.To)
            ?? AddRecipients(found, seen, "cc", command.Cc, RecipientKind.Cc)
            ?? AddRecipients(found, seen, "bcc", command.Bcc, RecipientKind.Bcc);
        if (refusal is not null)
        {
            return refusal;
        }

        if (found.Count == 0)
        {
            return Bad("to", "to needs at least one recipient address (to, cc or bcc).");
        }

        recipients = found;
        return null;
    }

    /// <summary>Parses an address already checked by <see cref="Check"/>.</summary>
    public static MailboxAddress ParseChecked(string address) =>
        (MailboxAddress)InternetAddress.Parse(Parser, address);

    private static Refusal? CheckSingle(string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        return TryParseMailbox(field, value, out _);
    }

    private static Refusal? AddRecipients(
        List<Recipient> found,
        HashSet<string> seen,
        string field,
        IReadOnlyList<string>? addresses,
        RecipientKind kind)
    {
        for (var i = 0; i < (addresses?.Count ?? 0); i++)
        {
            var refusal = TryParseMailbox($"{field}[{i}]", addresses![i], out var mailbox);
            if (refusal is not null)
            {
                return refusal;
            }

            // A recipient named twice (To and Bcc, or in another case) gets one copy.
            if (seen.Add(EmailAddress.ToComparable(mailbox!.Address)!))
            {
                var name = string.IsNullOrEmpty(mailbox.Name) ? null : mailbox.Name;
                found.Add(new Recipient(mailbox.Address, name, kind));
            }
        }

        return null;
    }

    private static Refusal? TryParseMailbox(
        string field,
        string? value,
        out MailboxAddress? mailbox)
    {
        mailbox = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return Bad(field, $"{field} is empty; give an address such as "
                + "\"Mary\" <mary@example.com>.");
        }

        if (HasLineBreakOrNul(value))
        {
            return LineBreak(field);
        }

        if (!InternetAddress.TryParse(Parser, value, out var parsed))
        {
            return Bad(field, $"{field} '{value}' is not an email address; write one mailbox "
                + "such as mary@example.com or \"Mary\" <mary@example.com>.");
        }

        if (parsed is not MailboxAddress single)
        {
            return Bad(field, $"{field} '{value}' is a group of addresses; give one mailbox per "
                + "entry.");
        }

        if (DomainName.Normalize(single.Domain, out var error) is null)
        {
            return Bad(field, $"{field} '{value}' has a domain that {error}.");
        }

        // RFC 5321 4.5.3.1.1 and 4.5.3.1.3: a local part over 64 octets or a path over 256
        // (254 without its angle brackets) may be refused by any server on the way.
        if (Encoding.UTF8.GetByteCount(single.LocalPart) > MaxLocalPartOctets
            || Encoding.UTF8.GetByteCount(single.Address) > MaxAddressOctets)
        {
            return Bad(field, $"{field} is too long for SMTP: at most {MaxLocalPartOctets} "
                + $"octets before the '@' and {MaxAddressOctets} in all (RFC 5321 4.5.3.1).");
        }

        mailbox = single;
        return null;
    }

    private static Refusal? CheckSubject(string? subject, DeliverySettings settings)
    {
        if (subject is null)
        {
            return null;
        }

        if (HasLineBreakOrNul(subject))
        {
            return LineBreak("subject");
        }

        return subject.Length > settings.MaxSubjectLength
            ? Bad("subject", $"subject is {subject.Length} characters long; at most "
                + $"{settings.MaxSubjectLength} are allowed "
                + $"({MailDeliveryOptions.Section}:MaxSubjectLength).")
            : null;
    }

    private static Refusal? CheckBody(SendMessage command, DeliverySettings settings)
    {
        foreach (var (field, body) in new[] { ("text", command.Text), ("html", command.Html) })
        {
            if (body?.Contains('\0') == true)
            {
                return Bad(field, $"{field} contains a NUL character, which mail cannot carry "
                    + "(RFC 5322 2.3).");
            }
        }

        var bytes = Encoding.UTF8.GetByteCount(command.Text ?? "")
            + Encoding.UTF8.GetByteCount(command.Html ?? "");
        return bytes > settings.MaxBodyBytes
            ? Bad(command.Html is null ? "text" : "html", $"text and html together are {bytes} "
                + $"bytes; at most {settings.MaxBodyBytes} are allowed "
                + $"({MailDeliveryOptions.Section}:MaxBodyBytes).")
            : null;
    }

    private static Refusal? CheckIdempotencyKey(string? key)
    {
        if (key is null)
        {
            return null;
        }

        return key.Length is 0 or > MaxIdempotencyKeyLength || key.Any(char.IsControl)
            ? Bad("idempotencyKey", $"idempotencyKey must be 1 to {MaxIdempotencyKeyLength} "
                + "characters without control characters; a UUID is a good choice.")
            : null;
    }

    /// <summary>A Message-ID of In-Reply-To or References in its bracketed header form.</summary>
    public static string Bracketed(string messageId) => $"<{messageId.Trim().Trim('<', '>')}>";

    private static Refusal? CheckThreadIds(SendMessage command)
    {
        if (command.References?.Count > MaxReferences)
        {
            return Bad("references", $"references lists {command.References.Count} Message-IDs; "
                + $"at most {MaxReferences} are allowed: keep the first and the latest ones.");
        }

        var ids = new[] { ("inReplyTo", command.InReplyTo) }
            .Concat((command.References ?? []).Select((r, i) => ($"references[{i}]", (string?)r)));
        foreach (var (field, id) in ids)
        {
            if (id is null)
            {
                continue;
            }

            var bare = id.Trim().Trim('<', '>');
            if (bare.Length is 0 or > MaxMessageIdLength || bare.Any(c => char.IsControl(c)
                || char.IsWhiteSpace(c) || c is '<' or '>') || !bare.Contains('@'))
            {
                return Bad(field, $"{field} must be one Message-ID such as "
                    + "<id@example.com>: no spaces, line breaks or control characters, "
                    + $"at most {MaxMessageIdLength} characters (RFC 5322 3.6.4).");
            }
        }

        return null;
    }

    private static bool HasLineBreakOrNul(string value) =>
        value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0;

    // SPEC R17: a line break in a header value would let the sender forge headers.
    private static Refusal LineBreak(string field) =>
        Bad(field, $"{field} contains a line break (CR or LF) or a NUL character; header values "
            + "must be a single line.");

    private static Refusal Bad(string field, string detail) => new(field, 400, detail);
}
