using MimeKit;
using MimeKit.Text;
using NightPos.Dispatch.Messages;
using NightPos.Dispatch.Sending;

namespace NightPos.Dispatch.Delivery;

/// <summary>
/// Builds the message that goes on the wire. Every attempt builds the same headers (From,
/// Reply-To, To, Cc, Subject, Message-ID, In-Reply-To, References, Date), so that a copy sent
/// twice is recognisable as the same message (SPEC R11); Bcc recipients appear in no header.
/// </summary>
public static class MimeMessageFactory
{
    public static MimeMessage Create(Message message, MessageContent? content)
    {
        var mime = new MimeMessage();
        mime.From.Add(SendMessageRules.ParseChecked(message.HeaderFrom!));
        if (message.ReplyTo is { Length: > 0 } replyTo)
        {
            mime.ReplyTo.Add(SendMessageRules.ParseChecked(replyTo));
        }

        foreach (var recipient in message.Recipients)
        {
            var list = recipient.Kind switch
            {
                RecipientKind.To => mime.To,
                RecipientKind.Cc => mime.Cc,
                _ => null,
            };
            list?.Add(new MailboxAddress(recipient.Name, recipient.Address));
        }

        mime.Subject = content?.Subject ?? "";
        mime.MessageId = message.MessageId.Trim('<', '>');
        if (message.InReplyTo is { } inReplyTo)
        {
            mime.InReplyTo = inReplyTo.Trim('<', '>');
        }

        foreach (var reference in message.References)
        {
            mime.References.Add(reference.Trim('<', '>'));
        }

        mime.Date = message.QueuedAt;
        mime.Body = Body(content?.Text, content?.Html);
        return mime;
    }

    private static MimeEntity Body(string? text, string? html)
    {
        var plain = text is null ? null : Part(TextFormat.Plain, text);
        var rich = html is null ? null : Part(TextFormat.Html, html);
        return (plain, rich) switch
        {
            ({ } p, { } h) => new MultipartAlternative { p, h },
            ({ } p, null) => p,
            (null, { } h) => h,
            _ => Part(TextFormat.Plain, ""),
        };
    }

    private static TextPart Part(TextFormat format, string text) =>
        new(format) { Text = LineEnds.ToCrLf(text) };
}
