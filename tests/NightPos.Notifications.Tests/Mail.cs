using MimeKit;

namespace NightPos.Notifications.Tests;

/// <summary>Raw messages as mail clients and servers write them, for the inbound path.</summary>
public static class Mail
{
    public const string Catchall = "catchall@company-name.nightpos.com";

    public static byte[] Reply(
        string from,
        string text,
        string? inReplyTo = null,
        IEnumerable<string>? references = null,
        string to = Catchall,
        string? messageId = null,
        Action<MimeMessage>? adjust = null)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = "Re: S00042";
        message.MessageId = messageId ?? $"{Guid.NewGuid():N}@customer.test";
        message.InReplyTo = inReplyTo;
        foreach (var reference in references ?? [])
        {
            message.References.Add(reference);
        }

        message.Body = new TextPart("plain") { Text = text };
        adjust?.Invoke(message);
        return Bytes(message);
    }

    /// <summary>An RFC 3464 delivery status notification for one failed recipient.</summary>
    public static byte[] DeliveryReport(string originalMessageId, string recipient)
    {
        var report = new MultipartReport("delivery-status");
        report.Add(new TextPart("plain") { Text = $"Delivery to {recipient} failed." });
        var status = new MessageDeliveryStatus();
        var perMessage = new HeaderList { { "Reporting-MTA", "dns; mx.customer.test" } };
        var perRecipient = new HeaderList
        {
            { "Final-Recipient", $"rfc822; {recipient}" },
            { "Action", "failed" },
            { "Status", "5.1.1" },
        };
        status.StatusGroups.Add(perMessage);
        status.StatusGroups.Add(perRecipient);
        report.Add(status);
        report.Add(new TextPart("rfc822-headers")
        {
            Text = $"Message-ID: <{originalMessageId}>\r\n",
        });

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("MAILER-DAEMON@mx.customer.test"));
        message.To.Add(MailboxAddress.Parse("bounce@company-name.nightpos.com"));
        message.Subject = "Undelivered Mail Returned to Sender";
        message.Body = report;
        return Bytes(message);
    }

    public static byte[] Bytes(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }
}
