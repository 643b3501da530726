using NightPos.Notifications.Threads;

namespace NightPos.Notifications.Inbox;

/// <summary>
/// One post in one user's inbox (SPEC R13, preference <c>inbox</c>): a row of
/// <see cref="InboxTable"/>, and nothing the post or its thread already holds (ADR 0018). A post
/// reaches a user's inbox at most once: post and user are the row's key.
/// </summary>
public sealed record InboxEntry(string Email, DateTimeOffset At, Guid PostId)
{
    /// <summary>The entry's id in API answers, derived from the post and the user.</summary>
    public static Guid IdFor(Guid postId, string email) =>
        MessageIds.Deterministic($"inbox:{postId:N}:{email}");
}
