using MimeKit;
using MimeKit.Text;
using NightPos.Kernel.Mail;

namespace NightPos.Notifications.Inbound;

/// <summary>
/// What the inbound path reads from a received message. Addresses are in comparable form;
/// Message-IDs without angle brackets.
/// </summary>
public sealed record InboundMail(
    string? MessageId,
    string? InReplyTo,
    IReadOnlyList<string> References,
    string? FromName,
    string? FromEmail,
    IReadOnlyList<string> Recipients,
    string Subject,
    bool IsDeliveryReport,
    bool IsAutomatic)
{
    // Where the envelope recipient may show: the visible recipients, and what the delivering
    // server adds (Postfix writes Delivered-To and X-Original-To, others Envelope-To).
    private static readonly string[] RecipientHeaders =
        ["Delivered-To", "X-Original-To", "Envelope-To", "X-Envelope-To"];

    public static InboundMail Read(MimeMessage message)
    {
        var from = message.From.Mailboxes.FirstOrDefault();
        var recipients = message.To.Mailboxes
            .Concat(message.Cc.Mailboxes)
            .Concat(message.Bcc.Mailboxes)
            .Select(m => m.Address)
            .Concat(RecipientHeaders.SelectMany(h => message.Headers
                .Where(x => x.Field.Equals(h, StringComparison.OrdinalIgnoreCase))
                .SelectMany(x => InternetAddressList.TryParse(x.Value, out var list)
                    ? list.Mailboxes.Select(m => m.Address)
                    : [])))
            .Select(EmailAddress.ToComparable)
            .OfType<string>()
            .Distinct()
            .ToList();

        return new InboundMail(
            Bare(message.MessageId),
            Bare(message.InReplyTo),
            message.References.Select(Bare).OfType<string>().ToList(),
            string.IsNullOrWhiteSpace(from?.Name) ? null : from.Name.Trim(),
            EmailAddress.ToComparable(from?.Address),
            recipients,
            message.Subject ?? "",
            IsDeliveryStatusNotification(message),
            IsAutomaticallySubmitted(message));
    }

    /// <summary>The new text of the message: the plain-text body, or the HTML one as text,
    /// without the quoted history.</summary>
    public static string NewText(MimeMessage message)
    {
        if (message.BodyParts.OfType<TextPart>().FirstOrDefault(p => p.IsPlain && !p.IsAttachment)
            is { } plain)
        {
            // RFC 3676: flowed text is joined back into paragraphs before it is read.
            var text = string.Equals(plain.ContentType.Format, "flowed",
                    StringComparison.OrdinalIgnoreCase)
                ? new FlowedToText { DeleteSpace = DeletesSpace(plain) }.Convert(plain.Text)
                : plain.Text;
            return ReplyText.NewText(text);
        }

        return message.HtmlBody is { } html ? HtmlReplyText.ToText(html) : "";
    }

    // RFC 3464: a DSN is multipart/report with report-type=delivery-status.
    private static bool IsDeliveryStatusNotification(MimeMessage message) =>
        message.Body is MultipartReport report
        && string.Equals(report.ReportType, "delivery-status", StringComparison.OrdinalIgnoreCase);

    // RFC 3834 5: anything but "Auto-Submitted: no" was sent by a machine (vacation replies,
    // notifications). Recording it would answer a robot to every follower, and two robots
    // answering each other loop forever.
    private static bool IsAutomaticallySubmitted(MimeMessage message) =>
        message.Headers["Auto-Submitted"] is { } value
        && !value.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase);

    private static bool DeletesSpace(TextPart part) =>
        part.ContentType.Parameters.TryGetValue("delsp", out string? value)
        && string.Equals(value, "yes", StringComparison.OrdinalIgnoreCase);

    private static string? Bare(string? messageId)
    {
        var bare = messageId?.Trim().Trim('<', '>').Trim();
        return string.IsNullOrEmpty(bare) ? null : bare;
    }
}
