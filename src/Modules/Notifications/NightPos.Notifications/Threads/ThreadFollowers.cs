namespace NightPos.Notifications.Threads;

/// <summary>
/// Who follows one thread, kept inline by <see cref="ThreadFollowersProjection"/> from the
/// thread's own stream. Stored as a list, in the order they followed: a thread of ten thousand
/// followers is read on every post, and a keyed map would store each address twice.
/// </summary>
public sealed class ThreadFollowers
{
    private Dictionary<string, int>? _index;

    public Guid Id { get; set; }

    /// <summary>The stream version of the latest follower event, as in
    /// <see cref="MessageThread.FollowersVersion"/>.</summary>
    public long Version { get; set; }

    public List<Follower> All { get; set; } = [];

    /// <summary>The follower with this comparable address, or null.</summary>
    public Follower? Find(string email) =>
        Index().TryGetValue(email, out var at) ? All[at] : null;

    /// <summary>
    /// Applies one follower event in place: ten thousand follows appended together are folded
    /// into one document write, not copied once per event.
    /// </summary>
    public ThreadFollowers Changed(object change, long version)
    {
        Version = version;
        switch (change)
        {
            case FollowerAdded added:
                Put(new Follower(added.Email, added.Name, added.Subtypes, added.UserPreference));
                break;
            case FollowerChanged changed:
                Put(new Follower(
                    changed.Email, changed.Name, changed.Subtypes, changed.UserPreference));
                break;
            case FollowerRemoved removed when Index().TryGetValue(removed.Email, out var at):
                All.RemoveAt(at);
                _index = null;
                break;
        }

        return this;
    }

    private void Put(Follower follower)
    {
        if (Index().TryGetValue(follower.Email, out var at))
        {
            All[at] = follower;
            return;
        }

        _index![follower.Email] = All.Count;
        All.Add(follower);
    }

    private Dictionary<string, int> Index() => _index ??= All
        .Select((f, i) => (f.Email, i))
        .ToDictionary(x => x.Email, x => x.i, StringComparer.Ordinal);
}
