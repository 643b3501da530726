using NightPos.Notifications.Threads;

namespace NightPos.Notifications.Inbox;

/// <summary>
/// One post in one user's inbox (SPEC R13, preference <c>inbox</c>): a row of
/// <see cref="InboxTable"/>. The id is derived from the post and the user, so an entry exists
/// at most once. Author, subtype and body are read from the <see cref="ThreadPost"/>.
/// </summary>
public sealed record InboxEntry(
    Guid Id,
    string Email,
    Guid ThreadId,
    Guid PostId,
    DateTimeOffset At,
    string Model,
    string RecordId,
    string Subject)
{
    public static Guid IdFor(Guid postId, string email) =>
        MessageIds.Deterministic($"inbox:{postId:N}:{email}");
}
