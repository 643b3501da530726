using Marten;
using NightPos.Dispatch.Messages;
using NightPos.Dispatch.Routing;
using NightPos.Servers.Contracts;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace NightPos.Dispatch.Delivery;

/// <summary>
/// Try to deliver a message's pending copies now. Queued with the message's first events (the
/// outbox commits both or neither) and scheduled again after each temporary failure, on the
/// durable local queue <see cref="DispatchQueues.Delivery"/> (ADR 0011). <see cref="Due"/> is
/// the next attempt the message expected when this was scheduled (null for the first): a copy
/// whose attempt has been made since is recognised and does nothing.
/// </summary>
public sealed record DeliverMessage(Guid MessageId, DateTimeOffset? Due = null);

/// <summary>
/// Loads the message, lets <see cref="MessageDelivery"/> make one attempt, records what it
/// decided and schedules the next attempt: Wolverine's scheduled messages are the retry loop.
/// </summary>
public static class DeliverMessageHandler
{
    public static void Configure(HandlerChain chain)
    {
        // Failures of the store itself (PostgreSQL restarting, a write conflict between two
        // processes): try again soon, then keep trying, since an accepted message is never
        // dropped (SPEC R11). SMTP failures never get here; they are recorded as events.
        chain.OnAnyException()
            .RetryWithCooldown(
                TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5))
            .Then.ScheduleRetryIndefinitely(
                TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));
    }

    public static async Task<OutgoingMessages> Handle(
        DeliverMessage command,
        IDocumentSession session,
        IMessageBus bus,
        IRouter router,
        IServerCredentials credentials,
        MessageDelivery delivery,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        var outgoing = new OutgoingMessages();
        var stream = await session.Events.FetchForWriting<Message>(command.MessageId, cancellation);

        // A copy of this command that outlived its purpose: an attempt already settled the
        // message, or made the attempt this copy was for and scheduled the next one. Such a
        // copy is what a process stopped between an attempt's commit and the inbox's own
        // record of it leaves behind.
        if (stream.Aggregate is not { IsSettled: false } message
            || !DeliveryDecisions.IsDue(message, command.Due))
        {
            return outgoing;
        }

        var decision = await delivery.AttemptAsync(
            message, session, bus, router, credentials, cancellation);
        stream.AppendMany(decision.Events);

        if (decision.RetryAt is { } retryAt)
        {
            var delay = retryAt - clock.GetUtcNow();
            outgoing.Delay(
                new DeliverMessage(message.Id, retryAt),
                delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
        }
        else
        {
            // ADR 0011: the content is kept only while a copy remains to deliver.
            session.Delete<MessageContent>(message.Id);
        }

        return outgoing;
    }
}
