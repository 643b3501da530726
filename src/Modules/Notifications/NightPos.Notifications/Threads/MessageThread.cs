namespace NightPos.Notifications.Threads;

/// <summary>
/// The current state of one thread stream, kept inline by <see cref="MessageThreadProjection"/>:
/// what ties its notifications together. Its followers are a document of their own
/// (<see cref="ThreadFollowers"/>), so that a post to ten thousand followers does not rewrite
/// them.
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

    /// <summary>The Message-IDs of the latest posts, oldest first, at most
    /// <see cref="RecentMessageIdLimit"/>.</summary>
    public List<string> RecentMessageIds { get; set; } = [];

    public int PostCount { get; set; }

    /// <summary>
    /// The stream version of the latest follower event (or of the opening): the version of
    /// <see cref="ThreadFollowers"/> that goes with this state.
    /// </summary>
    public long FollowersVersion { get; set; }

    public static MessageThread Opened(ThreadOpened opened, DateTimeOffset at, long version) =>
        new()
    {
        Id = opened.ThreadId,
        CompanyId = opened.CompanyId,
        Model = opened.Model,
        RecordId = opened.RecordId,
        Subject = opened.Subject,
        MessageId = opened.MessageId,
        OpenedAt = at,
        FollowersVersion = version,
    };

    public MessageThread FollowersChanged(long version)
    {
        FollowersVersion = version;
        return this;
    }

    public MessageThread Posted(MessagePosted posted)
    {
        PostCount++;
        RecentMessageIds.Add(posted.MessageId);
        if (RecentMessageIds.Count > RecentMessageIdLimit)
        {
            RecentMessageIds.RemoveAt(0);
        }

        return this;
    }
}
