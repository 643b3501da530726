namespace NightPos.Notifications.Threads;

/// <summary>
/// A Message-ID that belongs to a thread (its root, one of its posts, or a notification email
/// that went out for a post), keyed by the Message-ID without angle brackets, so that a reply's
/// <c>In-Reply-To</c> and <c>References</c> find the thread by primary key (SPEC R14).
/// <see cref="PostSubtype"/> is the subtype of the post the id belongs to, null for the root.
/// </summary>
public sealed record ThreadMessageId(string Id, Guid ThreadId, Guid? PostId, string? PostSubtype);
