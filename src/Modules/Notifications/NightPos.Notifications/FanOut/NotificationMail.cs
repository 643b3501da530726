using MimeKit;
using NightPos.Dispatch.Contracts;
using NightPos.Domains.Contracts;
using NightPos.Notifications.Threads;

namespace NightPos.Notifications.FanOut;

/// <summary>The notification email of one post for one follower (SPEC R13).</summary>
public static class NotificationMail
{
    /// <summary>
    /// From is the author as written: routing decides whether it stays or becomes the
    /// notification address with the author's name (SPEC R5). The idempotency key names the
    /// post and the follower, so that a retried batch never sends a second copy.
    /// </summary>
    public static SendMessage Compose(
        SendNotificationEmails command,
        Notification recipient,
        string? replyTo) => new()
    {
        CompanyId = command.CompanyId,
        From = new MailboxAddress(command.AuthorName, command.AuthorEmail).ToString(),
        To = [new MailboxAddress(recipient.Name, recipient.Email).ToString()],
        ReplyTo = replyTo,
        Subject = command.Subject,
        Text = Text(command),
        Kind = MailKind.Transactional,
        InReplyTo = command.InReplyTo,
        References = command.References,
        IdempotencyKey = IdempotencyKey(command.PostId, recipient.Email),
    };

    public static string IdempotencyKey(Guid postId, string email) =>
        $"notification:{postId:N}:{email}";

    /// <summary>The catchall address of the company's alias domain: replies gather there.</summary>
    public static string? CatchallOf(DomainsConfiguration configuration, Guid companyId)
    {
        var company = configuration.Companies.FirstOrDefault(c => c.Id == companyId);
        return configuration.AliasDomains
            .FirstOrDefault(d => d.Id == company?.AliasDomainId)?.CatchallAddress;
    }

    // The footer sits under the RFC 3676 signature separator, so that a reply quoting it loses
    // it with the rest of the quoted history.
    private static string Text(SendNotificationEmails command) =>
        $"{command.Text}\n\n-- \n{command.AuthorName} wrote on {command.Subject}. "
        + "Reply to this email to answer in the thread.\n";
}
