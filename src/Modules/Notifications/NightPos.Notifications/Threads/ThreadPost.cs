namespace NightPos.Notifications.Threads;

/// <summary>
/// One post of a thread as readers see it, body included, written in the same transaction as
/// its <see cref="MessagePosted"/> event, which alone lists whom it notified.
/// <see cref="Number"/> orders the posts of a thread.
/// </summary>
public sealed record ThreadPost(
    Guid Id,
    Guid ThreadId,
    int Number,
    DateTimeOffset At,
    string AuthorName,
    string AuthorEmail,
    string Subtype,
    PostOrigin Origin,
    string MessageId,
    string Body);
