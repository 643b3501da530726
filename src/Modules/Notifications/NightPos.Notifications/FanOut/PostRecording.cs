using Marten;
using NightPos.Notifications.Inbox;
using Wolverine;

namespace NightPos.Notifications.FanOut;

/// <summary>
/// The edge that stores a <see cref="PostDecision"/>: its documents into the caller's session
/// and its email batches as outgoing messages, so that both commit in the transaction that
/// appends the event (Wolverine's outbox). Whoever posts, the API or an emailed reply, records
/// a post the same way.
/// </summary>
public static class PostRecording
{
    public static OutgoingMessages Record(PostDecision decision, IDocumentSession session)
    {
        session.Store(decision.Post);
        session.Store(decision.PostMessageId);
        InboxTable.Insert(session, decision.Post.Id, decision.Post.At, decision.InboxEmails);

        var outgoing = new OutgoingMessages();
        outgoing.AddRange(decision.EmailBatches);
        return outgoing;
    }
}
