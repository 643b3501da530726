using Marten;
using NightPos.Dispatch.Contracts;
using NightPos.Dispatch.Delivery;
using NightPos.Dispatch.Messages;
using NightPos.Dispatch.Routing;
using NightPos.Dispatch.Telemetry;
using NightPos.Domains.Contracts;
using NightPos.Kernel.Mail;
using Wolverine;

namespace NightPos.Dispatch.Sending;

/// <summary>
/// Records a checked send command (SPEC R11): routes it, then appends its first events, stores
/// its content and queues its delivery in one transaction, so that an accepted message is
/// never lost and never queued twice. Shared by the HTTP endpoint and the in-process handler.
/// </summary>
public static class MessageIntake
{
    // The first key of PostgreSQL's two-key advisory locks, naming NightPOS idempotency keys so
    // that they never meet the single-key locks Marten and Wolverine take.
    private const int IdempotencyLockClass = 0x4E50_4D01;

    public static async Task<(MessageAccepted? Accepted, Refusal? Refusal)> RecordAsync(
        SendMessage command,
        IReadOnlyList<Recipient> recipients,
        IRouter router,
        IDocumentSession session,
        IMessageBus bus,
        SenderAddressLedger senders,
        TimeProvider clock,
        DispatchMetrics metrics,
        CancellationToken cancellation)
    {
        var key = command.IdempotencyKey;
        var id = key is null ? MessageIds.New() : MessageIds.FromIdempotencyKey(key);
        if (key is not null && await FindAsync(session, bus, id, cancellation) is { } known)
        {
            return (known, null);
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

        if (key is not null)
        {
            // Two requests racing with one key: the second waits here until the first commits,
            // then finds its message (ADR 0011).
            await session.BeginTransactionAsync(cancellation);
            await session.AdvancedSql.QueryAsync<int>(
                "select 1 from pg_advisory_xact_lock(?, hashtext(?))",
                cancellation, IdempotencyLockClass, key);
            if (await FindAsync(session, bus, id, cancellation) is { } raced)
            {
                return (raced, null);
            }
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

        session.Events.StartStream<Message>(id, queued, RoutedEvent(route));
        session.Store(new MessageContent
        {
            Id = id,
            Subject = command.Subject,
            Text = command.Text,
            Html = command.Html,
        });
        await bus.PublishAsync(new DeliverMessage(id));
        if (senders.MustPublish(headerFrom.Address, out var sender))
        {
            // SPEC R15 needs each local part once, not once per message (ADR 0020).
            await bus.PublishAsync(new SenderAddressUsed(headerFrom.Address));
            session.Listeners.Add(new SenderAddressCommitListener(senders, sender));
        }

        metrics.Routed(route, command.Kind);
        metrics.Queued(command.Kind);
        return (new MessageAccepted(id, queued.MessageId), null);
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

    // A message found again by its key. One that no attempt has reached yet has its delivery
    // queued once more: when PostgreSQL committed the first request but the answer to the
    // commit was lost (the connection broke with it), the request failed, Wolverine never ran
    // the DeliverMessage it had stored, and this is the client's retry (SPEC R11). A copy that
    // finds the attempt made, or under way, does nothing (ADR 0011).
    private static async Task<MessageAccepted?> FindAsync(
        IDocumentSession session,
        IMessageBus bus,
        Guid id,
        CancellationToken cancellation)
    {
        var message = await session.LoadAsync<Message>(id, cancellation);
        if (message is null)
        {
            return null;
        }

        if (message is { State: MessageState.Queued, Attempts: 0 })
        {
            await bus.PublishAsync(new DeliverMessage(id));
        }

        return new MessageAccepted(message.Id, message.MessageId);
    }
}
