namespace NightPos.Notifications.Threads;

/// <summary>
/// The current state of one thread stream, kept inline by <see cref="MessageThreadProjection"/>:
/// what posting needs to decide who is notified and how the notifications are tied together.
/// </summary>
public sealed class MessageThread
{
    /// <summary>How many latest posts' Message-IDs the thread keeps for References.</summary>
    public const int RecentMessageIdLimit = 10;

    public Guid Id { get; set; }

    public Guid CompanyId { get; set; }

    public string Model { get; set; } = "";

    public string RecordId { get; set; } = "";

    public string Subject { get; set; } = "";

    /// <summary>The thread's root Message-ID, without angle brackets.</summary>
    public string MessageId { get; set; } = "";

    public DateTimeOffset OpenedAt { get; set; }

    /// <summary>Followers by comparable address.</summary>
    public Dictionary<string, Follower> Followers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The Message-IDs of the latest posts, oldest first, at most
    /// <see cref="RecentMessageIdLimit"/>.</summary>
    public List<string> RecentMessageIds { get; set; } = [];

    public int PostCount { get; set; }

    public static MessageThread Opened(ThreadOpened opened, DateTimeOffset at) => new()
    {
        Id = opened.ThreadId,
        CompanyId = opened.CompanyId,
        Model = opened.Model,
        RecordId = opened.RecordId,
        Subject = opened.Subject,
        MessageId = opened.MessageId,
        OpenedAt = at,
    };

    /// <summary>
    /// Applies one later event in place: a thread with ten thousand followers is folded once per
    /// batch of events, not copied once per event.
    /// </summary>
    public MessageThread Changed(object change)
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
            case MessagePosted posted:
                PostCount++;
                RecentMessageIds.Add(posted.MessageId);
                if (RecentMessageIds.Count > RecentMessageIdLimit)
                {
                    RecentMessageIds.RemoveAt(0);
                }

                break;
        }

        return this;
    }
}
