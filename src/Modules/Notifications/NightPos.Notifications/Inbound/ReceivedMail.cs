namespace NightPos.Notifications.Inbound;

/// <summary>
/// A message the inbound path has recorded, posted or unrouted. Its id is derived from the
/// message's Message-ID (or its bytes when it has none), so a message delivered twice, or
/// fetched again after a crash before it was marked seen, is recognised and not posted twice.
/// Only unrouted mail keeps its raw bytes: it is kept so that nothing is lost (SPEC R14);
/// posted mail lives on as its post.
/// </summary>
public sealed record ReceivedMail(
    Guid Id,
    DateTimeOffset ReceivedAt,
    string? MessageId,
    string? FromEmail,
    string Subject,
    InboundOutcome Outcome,
    Guid? ThreadId,
    Guid? PostId,
    string? Reason,
    byte[]? Raw);
