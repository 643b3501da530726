using NightPos.Notifications.Threads;

namespace NightPos.Notifications.FanOut;

/// <summary>Who is told of a post, and how (SPEC R13).</summary>
public static class FanOutRules
{
    /// <summary>
    /// Every follower subscribed to the subtype, except the author; internal subtypes reach
    /// users only. Users get their preferred channel, contacts always email.
    /// </summary>
    /// <param name="authorEmail">The author's address in comparable form, so that
    /// <c>Mary@Example.com</c> is recognised as the follower <c>mary@example.com</c>.</param>
    public static IReadOnlyList<Notification> Recipients(
        ThreadFollowers followers,
        string authorEmail,
        string subtype) =>
        followers.All
            .Where(f => f.Email != authorEmail)
            .Where(f => f.Subtypes.Contains(subtype))
            .Where(f => f.IsUser || !Subtypes.IsInternal(subtype))
            .Select(f => new Notification(
                f.Email, f.Name, f.UserPreference ?? NotificationChannel.Email))
            .ToList();

    /// <summary>
    /// The headers that tie a notification to its thread: <c>References</c> is the thread's
    /// root id and its latest posts' ids, <c>In-Reply-To</c> the newest of them. They are the
    /// thread's own ids, which survive a provider that rewrites each sent Message-ID (ADR 0013).
    /// </summary>
    public static (string InReplyTo, IReadOnlyList<string> References) ThreadHeaders(
        MessageThread thread)
    {
        List<string> references = [thread.MessageId, .. thread.RecentMessageIds];
        return (references[^1], references);
    }
}
