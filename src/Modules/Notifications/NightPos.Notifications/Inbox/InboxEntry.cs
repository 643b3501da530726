using NightPos.Notifications.Threads;

namespace NightPos.Notifications.Inbox;

/// <summary>
/// One post in one user's inbox (SPEC R13, preference <c>inbox</c>). The id is derived from the
/// post and the user, so an entry can exist only once. The body is read from the
/// <see cref="ThreadPost"/>, not copied into every entry.
/// </summary>
public sealed record InboxEntry(
    Guid Id,
    string Email,
    Guid ThreadId,
    Guid PostId,
    DateTimeOffset At,
    string Model,
    string RecordId,
    string Subject,
    string AuthorName,
    string AuthorEmail,
    string Subtype)
{
    public static Guid IdFor(Guid postId, string email) =>
        MessageIds.Deterministic($"inbox:{postId:N}:{email}");
}
