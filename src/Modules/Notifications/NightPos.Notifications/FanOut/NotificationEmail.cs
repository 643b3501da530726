using NightPos.Notifications.Threads;

namespace NightPos.Notifications.FanOut;

/// <summary>
/// What became of one notification email: accepted by Dispatch (its message id there and its
/// Message-ID), or refused with the reason. Keyed by post and follower.
/// </summary>
public sealed record NotificationEmail(
    Guid Id,
    Guid ThreadId,
    Guid PostId,
    string Email,
    Guid? DispatchId,
    string? MessageId,
    string? Refusal)
{
    public static Guid IdFor(Guid postId, string email) =>
        MessageIds.Deterministic($"notification:{postId:N}:{email}");

    public static NotificationEmail For(SendNotificationEmails command, Notification recipient) =>
        new(IdFor(command.PostId, recipient.Email), command.ThreadId, command.PostId,
            recipient.Email, null, null, null);
}
