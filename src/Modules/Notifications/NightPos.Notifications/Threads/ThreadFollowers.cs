namespace NightPos.Notifications.Threads;

/// <summary>
/// Who follows one thread, by comparable address, kept inline by
/// <see cref="ThreadFollowersProjection"/> from the thread's own stream.
/// </summary>
public sealed class ThreadFollowers
{
    public Guid Id { get; set; }

    public Dictionary<string, Follower> Followers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Applies one follower event in place: ten thousand follows appended together are folded
    /// into one document write, not copied once per event.
    /// </summary>
    public ThreadFollowers Changed(object change)
    {
        switch (change)
        {
            case FollowerAdded added:
                Followers[added.Email] =
                    new Follower(added.Email, added.Name, added.Subtypes, added.UserPreference);
                break;
            case FollowerChanged changed:
                Followers[changed.Email] = new Follower(
                    changed.Email, changed.Name, changed.Subtypes, changed.UserPreference);
                break;
            case FollowerRemoved removed:
                Followers.Remove(removed.Email);
                break;
        }

        return this;
    }
}
