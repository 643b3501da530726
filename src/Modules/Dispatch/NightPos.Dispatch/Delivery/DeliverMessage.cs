using JasperFx.Events;
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
/// durable local queue <see cref="DispatchQueues.Delivery"/>, which hands them to
/// <see cref="DeliverMessageHandler"/> in batches (ADR 0011). <see cref="Due"/> is the next
/// attempt the message expected when this was scheduled (null for the first): a copy whose
/// attempt has been made since is recognised and does nothing.
/// </summary>
public sealed record DeliverMessage(Guid MessageId, DateTimeOffset? Due = null);

/// <summary>
/// Delivers a batch of messages in one transaction: claims them, lets
/// <see cref="MessageDelivery"/> make one attempt of each, records what it decided and
/// schedules the next attempts. Wolverine's scheduled messages are the retry loop, and one
/// commit settles the whole batch.
/// </summary>
public static class DeliverMessageHandler
{
    public static void Configure(HandlerChain chain)
    {
        // Failures of the store itself (PostgreSQL restarting): try again soon, then keep
        // trying, since an accepted message is never dropped (SPEC R11). SMTP failures never
        // get here; they are recorded as events.
        chain.OnAnyException()
            .RetryWithCooldown(
                TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5))
            .Then.ScheduleRetryIndefinitely(
                TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));
    }

    public static async Task<OutgoingMessages> Handle(
        DeliverMessage[] commands,
        IDocumentSession session,
        IMessageBus bus,
        IRouter router,
        IServerCredentials credentials,
        MessageDelivery delivery,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        var outgoing = new OutgoingMessages();
        var (claimed, contents) = await ClaimAsync(commands, session, cancellation);
        if (claimed.Count == 0)
        {
            return outgoing;
        }

        // Finding servers asks other modules through this handler's bus, one at a time.
        var attempts = new List<Attempt>(claimed.Count);
        foreach (var stream in claimed)
        {
            var message = stream.Aggregate!;
            var destination = await delivery.FindDestinationAsync(
                message, bus, router, cancellation);
            attempts.Add(new Attempt(stream, message, destination)
            {
                Decision = destination.Refused,
            });
        }

        // Each server's messages go one after the other over its pooled connection, the
        // servers side by side, so that a slow or unreachable server holds up only its own.
        await Task.WhenAll(attempts
            .Where(a => a.Destination.Target is not null)
            .GroupBy(a => a.Destination.Target!.Key)
            .Select(async group =>
            {
                foreach (var attempt in group)
                {
                    attempt.Decision = await delivery.AttemptAsync(
                        attempt.Message,
                        contents.GetValueOrDefault(attempt.Message.Id),
                        attempt.Destination.Target!,
                        credentials,
                        cancellation);
                }
            }));

        foreach (var attempt in attempts)
        {
            Record(attempt, session, outgoing, clock.GetUtcNow());
        }

        return outgoing;
    }

    // Each message's stream stays locked (FOR UPDATE) until the batch commits, so a copy of a
    // command handled meanwhile, here or in another process, waits and then finds the attempt
    // made (ADR 0011). Locks are taken in id order: two batches sharing messages never
    // deadlock. A copy whose attempt was already made is what a process stopped between an
    // attempt's commit and the inbox's own record of it leaves behind; it does nothing. The
    // locks, the snapshots and the contents of the whole batch take one round trip.
    private static async Task<(List<IEventStream<Message>>, Dictionary<Guid, MessageContent>)>
        ClaimAsync(
            DeliverMessage[] commands,
            IDocumentSession session,
            CancellationToken cancellation)
    {
        var copies = commands.GroupBy(c => c.MessageId).OrderBy(g => g.Key).ToList();
        var ids = copies.Select(g => g.Key).ToArray();

        // The locks belong to the transaction that records the batch, so it is opened first.
        await session.BeginTransactionAsync(cancellation);
        var batch = session.CreateBatchQuery();
        var fetches = ids
            .Select(id => batch.Events.FetchForExclusiveWriting<Message>(id))
            .ToList();
        var contents = batch.LoadMany<MessageContent>().ById(ids);
        await batch.Execute(cancellation);

        var claimed = new List<IEventStream<Message>>(ids.Length);
        for (var i = 0; i < copies.Count; i++)
        {
            var stream = await fetches[i];
            if (stream.Aggregate is { IsSettled: false } message
                && copies[i].Any(c => DeliveryDecisions.IsDue(message, c.Due)))
            {
                claimed.Add(stream);
            }
        }

        return (claimed, (await contents).ToDictionary(c => c.Id));
    }

    private static void Record(
        Attempt attempt,
        IDocumentSession session,
        OutgoingMessages outgoing,
        DateTimeOffset now)
    {
        var decision = attempt.Decision!;
        if (attempt.Destination.Rerouted is { } rerouted)
        {
            attempt.Stream.AppendOne(rerouted);
        }

        attempt.Stream.AppendMany(decision.Events);
        if (decision.RetryAt is { } retryAt)
        {
            var delay = retryAt - now;
            outgoing.Delay(
                new DeliverMessage(attempt.Message.Id, retryAt),
                delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
        }
        else
        {
            // ADR 0011: the content is kept only while a copy remains to deliver.
            session.Delete<MessageContent>(attempt.Message.Id);
        }
    }

    private sealed record Attempt(
        IEventStream<Message> Stream,
        Message Message,
        Destination Destination)
    {
        public DeliveryDecision? Decision { get; set; }
    }
}
