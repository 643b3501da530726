using Marten;
using Microsoft.Extensions.Logging;
using NightPos.Dispatch.Contracts;
using NightPos.Domains.Contracts;
using NightPos.Notifications.Threads;
using Wolverine;

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

public static partial class SendNotificationEmailsHandler
{
    /// <summary>
    /// Hands each email to Dispatch and records its Message-ID for reply matching. A retry after
    /// a crash sends the batch again with the same idempotency keys, and Dispatch answers the
    /// messages it already accepted instead of sending them twice.
    /// </summary>
    public static async Task Handle(
        SendNotificationEmails command,
        IMessageBus bus,
        IDocumentSession session,
        ILogger<SendNotificationEmails> logger,
        CancellationToken cancellation)
    {
        var configuration = await bus.InvokeAsync<DomainsConfiguration>(
            new GetDomainsConfiguration(), cancellation);
        var replyTo = NotificationMail.CatchallOf(configuration, command.CompanyId);

        foreach (var recipient in command.Recipients)
        {
            var send = NotificationMail.Compose(command, recipient, replyTo);
            var record = NotificationEmail.For(command, recipient);
            try
            {
                var accepted = await bus.InvokeAsync<MessageAccepted>(send, cancellation);
                var messageId = accepted.MessageId.Trim('<', '>');
                session.Store(record with { DispatchId = accepted.Id, MessageId = messageId });
                session.Store(new ThreadMessageId(
                    messageId, command.ThreadId, command.PostId, command.PostSubtype));
            }
            catch (MessageRefusedException e)
            {
                // Permanent: the same command would be refused again. Recorded so the thread
                // shows it; the rest of the batch still goes out.
                LogRefused(logger, command.PostId, e.Field);
                session.Store(record with { Refusal = e.Message });
            }
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning,
        Message = "Dispatch refused a notification email of post {PostId}: {Field} was refused")]
    private static partial void LogRefused(ILogger logger, Guid postId, string field);
}
