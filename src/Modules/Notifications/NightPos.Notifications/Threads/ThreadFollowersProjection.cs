using JasperFx.Events;
using Marten.Events.Aggregation;

namespace NightPos.Notifications.Threads;

/// <summary>
/// Folds the follower events of a thread stream into its <see cref="ThreadFollowers"/>
/// document, inline. Posts are not among its events, so posting never rewrites it.
/// </summary>
public sealed class ThreadFollowersProjection : SingleStreamProjection<ThreadFollowers, Guid>
{
    public ThreadFollowersProjection()
    {
        IncludeType<ThreadOpened>();
        IncludeType<FollowerAdded>();
        IncludeType<FollowerChanged>();
        IncludeType<FollowerRemoved>();
    }

    public override ThreadFollowers? Evolve(ThreadFollowers? snapshot, Guid id, IEvent e) =>
        (e.Data, snapshot) switch
        {
            (ThreadOpened opened, _) =>
                new ThreadFollowers { Id = opened.ThreadId, Version = e.Version },
            (_, { } followers) => followers.Changed(e.Data, e.Version),
            _ => snapshot,
        };
}
