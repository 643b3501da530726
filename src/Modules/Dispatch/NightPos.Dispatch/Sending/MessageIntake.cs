using Marten;
using NightPos.Dispatch.Contracts;
using NightPos.Dispatch.Delivery;
using NightPos.Dispatch.Messages;
using NightPos.Dispatch.Routing;
using NightPos.Dispatch.Telemetry;
using NightPos.Kernel.Mail;
using Wolverine;

namespace NightPos.Dispatch.Sending;

/// <summary>
/// Records a checked send command (SPEC R11): routes it, then hands its first events, its content
/// and its queued delivery to the <see cref="IntakeWriter"/>, which commits them in one
/// transaction, so that an accepted message is never lost and never queued twice. Shared by the
/// HTTP endpoint and the in-process handler.
/// </summary>
public static class MessageIntake
{
    public static async Task<(MessageAccepted? Accepted, Refusal? Refusal)> RecordAsync(
        SendMessage command,
        IReadOnlyList<Recipient> recipients,
        IRouter router,
        IDocumentSession session,
        IMessageBus bus,
        IntakeWriter writer,
        TimeProvider clock,
        DispatchMetrics metrics,
        CancellationToken cancellation)
    {
        var key = command.IdempotencyKey;
        var id = key is null ? MessageIds.New() : MessageIds.FromIdempotencyKey(key);

        // A retry of a known message is answered without routing it again; the writer checks
        // once more under the key's lock, against a request racing this one.
        if (key is not null && await session.LoadAsync<Message>(id, cancellation) is { } known)
        {
            return (await AnswerKnownAsync(known, bus), null);
        }

        RouteDecision route;
        try
        {
            var request = new RouteRequest(
                command.CompanyId, command.From, command.Kind, command.ServerId);
            route = await router.RouteAsync(request, null, cancellation);
        }
        catch (RouteRefusedException e)
        {
            return (null, new Refusal(e.Field, e.Status, e.Message));
        }

        var headerFrom = SendMessageRules.ParseChecked(route.HeaderFrom);
        var domain = DomainName.Normalize(headerFrom.Domain, out _) ?? headerFrom.Domain;
        var queued = new MessageQueued(
            MessageIds.MessageIdHeader(id, domain),
            command.CompanyId,
            command.From,
            command.ReplyTo,
            recipients,
            command.Kind,
            command.ServerId,
            key,
            clock.GetUtcNow(),
            command.InReplyTo is { } inReplyTo ? SendMessageRules.Bracketed(inReplyTo) : null,
            command.References?.Select(SendMessageRules.Bracketed).ToList());
        var content = new MessageContent
        {
            Id = id,
            Subject = command.Subject,
            Text = command.Text,
            Html = command.Html,
        };

        var recorded = await writer.RecordAsync(
            new IntakeWriter.Intake(
                id,
                key,
                queued,
                RoutedEvent(route),
                content,
                headerFrom.Address,
                session.LastModifiedBy),
            cancellation);
        if (recorded.New)
        {
            metrics.Routed(route, command.Kind);
            metrics.Queued(command.Kind);
        }

        return (recorded.Accepted, null);
    }

    public static MessageRouted RoutedEvent(RouteDecision route) => new(
        route.ServerId,
        route.ServerName,
        route.HeaderFrom,
        route.EnvelopeFrom,
        route.ReplyTo,
        route.Rule,
        route.Explanation,
        route.Warnings);

    // The answer to a message found again by its key. One that no attempt has reached yet has
    // its delivery queued once more: when PostgreSQL committed the first request but the answer
    // to the commit was lost (the connection broke with it), the request failed, Wolverine never
    // ran the DeliverMessage it had stored, and this is the client's retry (SPEC R11). A copy
    // that finds the attempt made, or under way, does nothing (ADR 0011).
    internal static async Task<MessageAccepted> AnswerKnownAsync(Message message, IMessageBus bus)
    {
        if (message is { State: MessageState.Queued, Attempts: 0 })
        {
            await bus.PublishAsync(new DeliverMessage(message.Id));
        }

        return new MessageAccepted(message.Id, message.MessageId);
    }
}
