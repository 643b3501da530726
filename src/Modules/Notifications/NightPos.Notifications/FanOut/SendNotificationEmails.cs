using NightPos.Notifications.Threads;

namespace NightPos.Notifications.FanOut;

/// <summary>
/// Sends the notification emails of one post to a batch of its followers. Enlisted in the
/// post's own transaction (Wolverine's outbox), so a recorded post always has its emails and
/// an unrecorded one never does.
/// </summary>
public sealed record SendNotificationEmails(
    Guid ThreadId,
    Guid PostId,
    Guid CompanyId,
    string PostSubtype,
    string AuthorName,
    string AuthorEmail,
    string Subject,
    string Text,
    string InReplyTo,
    IReadOnlyList<string> References,
    IReadOnlyList<Notification> Recipients)
{
    /// <summary>Names no address and no content (no bodies in logs).</summary>
    public override string ToString() =>
        $"SendNotificationEmails(post {PostId}, {Recipients.Count} recipients)";
}
