using JasperFx.Events;
using Marten.Events.Aggregation;

namespace NightPos.Notifications.Threads;

/// <summary>Folds a thread stream into its <see cref="MessageThread"/> document, inline.</summary>
public sealed class MessageThreadProjection : SingleStreamProjection<MessageThread, Guid>
{
    public MessageThreadProjection()
    {
        IncludeType<ThreadOpened>();
        IncludeType<MessagePosted>();
        IncludeType<FollowerAdded>();
        IncludeType<FollowerChanged>();
        IncludeType<FollowerRemoved>();
    }

    public override MessageThread? Evolve(MessageThread? snapshot, Guid id, IEvent e) =>
        (e.Data, snapshot) switch
        {
            (ThreadOpened opened, _) => MessageThread.Opened(opened, e.Timestamp, e.Version),
            (MessagePosted posted, { } thread) => thread.Posted(posted),
            (FollowerAdded or FollowerChanged or FollowerRemoved, { } thread) =>
                thread.FollowersChanged(e.Version),
            _ => snapshot,
        };
}
