using NightPos.Dispatch.Routing;

namespace NightPos.Dispatch.Messages;

/// <summary>
/// A message as <c>GET /api/messages/{id}</c> answers it (API.md): its overall state, the
/// server and senders routing chose, and each recipient's copy. No subject and no body.
/// </summary>
public sealed record MessageStatus(
    Guid Id,
    string MessageId,
    MessageState State,
    Guid? ServerId,
    string? ServerName,
    string? HeaderFrom,
    string? EnvelopeFrom,
    string? ReplyTo,
    RoutingRule? Rule,
    int Attempts,
    string? FailureType,
    DateTimeOffset QueuedAt,
    DateTimeOffset? NextAttemptAt,
    IReadOnlyList<RecipientStatusView> Recipients)
{
    public static MessageStatus From(Message message) => new(
        message.Id,
        message.MessageId,
        message.State,
        message.ServerId,
        message.ServerName,
        message.HeaderFrom,
        message.EnvelopeFrom,
        message.ReplyTo,
        message.Rule,
        message.Attempts,
        message.FailureType,
        message.QueuedAt,
        message.NextAttemptAt,
        message.Recipients
            .Select(r => new RecipientStatusView(
                r.Address, r.Kind, r.State, r.FailureType, r.Reply))
            .ToList());
}
