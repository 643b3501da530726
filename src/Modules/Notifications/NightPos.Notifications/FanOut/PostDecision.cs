using NightPos.Notifications.Threads;

namespace NightPos.Notifications.FanOut;

/// <summary>
/// Everything one post records, decided from the thread as it stands: the event, the post as
/// readers see it, the Message-ID that ties later replies to it, the users whose inbox gets
/// an entry, and the batches of notification emails. The caller stores all of it in one
/// transaction.
/// </summary>
public sealed record PostDecision(
    MessagePosted Posted,
    ThreadPost Post,
    ThreadMessageId PostMessageId,
    IReadOnlyList<string> InboxEmails,
    IReadOnlyList<SendNotificationEmails> EmailBatches)
{
    /// <summary>What a post needs besides the thread: who wrote what, from where.</summary>
    /// <param name="AuthorEmail">Comparable form.</param>
    /// <param name="MessageId">The post's own Message-ID (an emailed reply's), or null to
    /// derive one from the post id.</param>
    public sealed record Input(
        Guid PostId,
        DateTimeOffset At,
        string AuthorName,
        string AuthorEmail,
        string Body,
        string Subtype,
        PostOrigin Origin,
        string? MessageId);

    public static PostDecision Decide(
        MessageThread thread,
        ThreadFollowers followers,
        Input post,
        int emailBatchSize)
    {
        var recipients = FanOutRules.Recipients(followers, post.AuthorEmail, post.Subtype);
        var messageId = post.MessageId
            ?? MessageIds.ForPost(post.PostId, MessageIds.DomainOf(thread.MessageId));
        var posted = new MessagePosted(post.PostId, messageId, post.AuthorName, post.AuthorEmail,
            post.Subtype, post.Origin, EmailsOf(recipients, NotificationChannel.Email),
            EmailsOf(recipients, NotificationChannel.Inbox));

        var readable = new ThreadPost(post.PostId, thread.Id, thread.PostCount + 1, post.At,
            post.AuthorName, post.AuthorEmail, post.Subtype, post.Origin, messageId, post.Body);

        var (inReplyTo, references) = FanOutRules.ThreadHeaders(thread);
        var emails = recipients
            .Where(r => r.Channel == NotificationChannel.Email)
            .Chunk(emailBatchSize)
            .Select(batch => new SendNotificationEmails(thread.Id, post.PostId, thread.CompanyId,
                post.Subtype, post.AuthorName, post.AuthorEmail, thread.Subject, post.Body,
                inReplyTo, references, batch))
            .ToList();

        return new PostDecision(posted, readable,
            new ThreadMessageId(messageId, thread.Id, post.PostId, post.Subtype),
            posted.NotifiedInInbox, emails);
    }

    private static List<string> EmailsOf(
        IEnumerable<Notification> recipients,
        NotificationChannel channel) =>
        recipients.Where(r => r.Channel == channel).Select(r => r.Email).ToList();
}
