namespace NightPos.Notifications.Threads;

/// <summary>
/// A thread was opened for one ERP record of a company. <see cref="MessageId"/> is the thread's
/// own root Message-ID (without angle brackets): every notification of the thread references
/// it, so that a reply finds its way back even when a provider rewrote the notification's own
/// Message-ID (SPEC R13, R14; ADR 0013).
/// </summary>
public sealed record ThreadOpened(
    Guid ThreadId,
    Guid CompanyId,
    string Model,
    string RecordId,
    string Subject,
    string MessageId);

/// <summary>
/// Someone follows the thread for the given subtypes. A follower with a
/// <see cref="UserPreference"/> is a user; without one, a contact who always gets email and
/// never internal subtypes.
/// </summary>
public sealed record FollowerAdded(
    string Email,
    string Name,
    IReadOnlyList<string> Subtypes,
    NotificationChannel? UserPreference);

/// <summary>A follower's name, subtypes or preference changed; the address stays.</summary>
public sealed record FollowerChanged(
    string Email,
    string Name,
    IReadOnlyList<string> Subtypes,
    NotificationChannel? UserPreference);

/// <summary>The follower no longer follows the thread.</summary>
public sealed record FollowerRemoved(string Email);

/// <summary>
/// A message was posted on the thread, through the API or by an emailed reply, and its
/// followers were chosen for notification (SPEC R13): <see cref="NotifiedByEmail"/> and
/// <see cref="NotifiedInInbox"/> (comparable addresses) are that decision, made once, so that a
/// retried delivery never changes who is told. Plain lists, since a post may reach ten
/// thousand followers. The body is kept in the <see cref="ThreadPost"/> document, not here:
/// events are kept forever and a body must stay erasable.
/// </summary>
public sealed record MessagePosted(
    Guid PostId,
    string MessageId,
    string AuthorName,
    string AuthorEmail,
    string Subtype,
    PostOrigin Origin,
    IReadOnlyList<string> NotifiedByEmail,
    IReadOnlyList<string> NotifiedInInbox);
