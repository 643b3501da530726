using NightPos.Dispatch.Contracts;
using NightPos.Dispatch.Routing;

namespace NightPos.Dispatch.Messages;

// The life of one message, one stream per message (ADR 0011). Events carry addresses and
// server replies, never the subject or the bodies: those live in the MessageContent document.

/// <summary>
/// The send command was accepted. <see cref="MessageId"/> is the Message-ID header, angle
/// brackets included, fixed here and kept through every retry (SPEC R11);
/// <see cref="InReplyTo"/> and <see cref="References"/> are the sender's threading headers,
/// bracketed, absent from messages recorded before they existed.
/// </summary>
public sealed record MessageQueued(
    string MessageId,
    Guid? CompanyId,
    string? From,
    string? ReplyTo,
    IReadOnlyList<Recipient> Recipients,
    MailKind Kind,
    Guid? ForcedServerId,
    string? IdempotencyKey,
    DateTimeOffset QueuedAt,
    string? InReplyTo = null,
    IReadOnlyList<string>? References = null);

/// <summary>
/// Routing chose the server and the senders (SPEC R5-R7), with the rule and its explanation.
/// Recorded again when the chosen server disappears before the message is delivered.
/// </summary>
public sealed record MessageRouted(
    Guid? ServerId,
    string ServerName,
    string HeaderFrom,
    string EnvelopeFrom,
    string ReplyTo,
    RoutingRule Rule,
    string Explanation,
    IReadOnlyList<string> Warnings);

/// <summary>The server accepted the message for these recipients, with its final reply.</summary>
public sealed record MessageDispatched(
    int Attempt,
    Guid? ServerId,
    IReadOnlyList<string> Recipients,
    string Reply);

/// <summary>
/// Delivery to these recipients failed for now and is tried again at
/// <see cref="NextAttemptAt"/>. <see cref="Reason"/> is a failure word (<c>temporary_failure</c>,
/// <c>timeout</c>, <c>connection_lost</c>, <c>daily_limit</c>, ...); <see cref="Attempt"/> is the
/// number of SMTP attempts made so far (a daily-limit hold makes none).
/// </summary>
public sealed record MessageDeferred(
    int Attempt,
    IReadOnlyList<string> Recipients,
    string Reason,
    string? Reply,
    DateTimeOffset NextAttemptAt);

/// <summary>
/// Delivery to these recipients failed for good: a permanent refusal, or temporary failures
/// until the message outlived its lifetime (<c>expired</c>).
/// </summary>
public sealed record MessageFailed(
    int Attempt,
    IReadOnlyList<string> Recipients,
    string FailureType,
    string? Reply);

/// <summary>
/// A delivery status notification reported this recipient's copy undeliverable (SPEC R12).
/// </summary>
public sealed record MessageBounced(
    string Recipient,
    string Status,
    string? Diagnostic,
    DateTimeOffset At);
