using MimeKit;

namespace NightPos.Dispatch.Load;

/// <summary>
/// The message every contender sends: the same size and shape as what the host puts on the
/// wire for the load's send command, so that the sink does the same work for each.
/// </summary>
public static class Sample
{
    public const string Subject = "Invoice INV/2026/00042";

    public const string Text =
        "Dear customer,\nplease find your invoice attached to this message.\nKind regards\n";

    public static string Recipient(int i) => $"r{i}@example.com";

    public static string Author(int server) => $"sales@d{server}.load.example";

    public static MimeMessage Create(int i)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(Author(0)));
        message.To.Add(MailboxAddress.Parse(Recipient(i)));
        message.Subject = Subject;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("d0.load.example");
        message.Body = new TextPart("plain") { Text = Text };
        return message;
    }
}
