using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NightPos.Dispatch.Contracts;
using NightPos.Dispatch.Delivery;
using NightPos.Dispatch.Messages;
using NightPos.Domains.Contracts;
using Wolverine.Marten.Publishing;
using Wolverine.Runtime;

namespace NightPos.Dispatch.Sending;

/// <summary>
/// Records the send commands of a process that arrive together in one transaction, so that
/// concurrent senders share a commit instead of each paying for its own (ADR 0024). A command
/// is answered only once the transaction holding it committed.
/// </summary>
public sealed partial class IntakeWriter(
    OutboxedSessionFactory sessions,
    IWolverineRuntime runtime,
    SenderAddressLedger senders,
    IOptions<MailDeliveryOptions> options,
    ILogger<IntakeWriter> logger) : IHostedService
{
    // The first key of PostgreSQL's two-key advisory locks, naming NightPOS idempotency keys so
    // that they never meet the single-key locks Marten and Wolverine take.
    private const int IdempotencyLockClass = 0x4E50_4D01;

    private readonly SharedCommits<Intake, Recorded> _commits = new(
        batch => SaveAsync(batch, sessions, runtime, senders),
        (count, e) => LogBatchFailed(logger, count, e),
        options.Value.IntakeBatchSize,
        options.Value.IntakeWriters);

    /// <summary>
    /// Records <paramref name="message"/> with the next transaction and answers once it
    /// committed: the message's own answer, or that of the message its idempotency key
    /// recorded first.
    /// </summary>
    internal Task<Recorded> RecordAsync(Intake message, CancellationToken cancellation) =>
        _commits.SubmitAsync(message, cancellation);

    // The writers start with the service's construction, before Wolverine's listeners can hand
    // a queued send command to its handler.
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Takes no more commands and waits for the queued ones to commit. The web server has
    /// stopped taking requests by then, and Wolverine stops after this service.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken) =>
        _commits.CompleteAsync().WaitAsync(cancellationToken);

    private static async Task<Recorded[]> SaveAsync(
        IReadOnlyList<Intake> batch,
        OutboxedSessionFactory sessions,
        IWolverineRuntime runtime,
        SenderAddressLedger senders)
    {
        var context = new MessageContext(runtime);
        await using var session = sessions.OpenSession(context);
        var answers = new Recorded[batch.Count];
        var known = await FindKnownAsync(batch, session, context);
        var published = new HashSet<string>(StringComparer.Ordinal);

        for (var i = 0; i < batch.Count; i++)
        {
            var message = batch[i];
            if (known.TryGetValue(message.Id, out var first))
            {
                answers[i] = new Recorded(first, New: false);
                continue;
            }

            var stream = session.Events.StartStream<Message>(
                message.Id, message.Queued, message.Routed);
            foreach (var appended in stream.Events)
            {
                appended.UserName = message.UserName;
            }

            session.Store(message.Content);
            await context.PublishAsync(new DeliverMessage(message.Id));
            if (senders.MustPublish(message.HeaderFrom, out var sender)
                && published.Add(sender.Address))
            {
                // SPEC R15 needs each local part once, not once per message (ADR 0020).
                await context.PublishAsync(new SenderAddressUsed(message.HeaderFrom));
                session.Listeners.Add(new SenderAddressCommitListener(senders, sender));
            }

            var accepted = new MessageAccepted(message.Id, message.Queued.MessageId);
            known[message.Id] = accepted;
            answers[i] = new Recorded(accepted, New: true);
        }

        await session.SaveChangesAsync();
        await context.FlushOutgoingMessagesAsync();
        return answers;
    }

    // The messages of the batch's idempotency keys that an earlier transaction recorded. Two
    // transactions holding one key take turns on its lock: the second waits until the first
    // commits, then finds its message (ADR 0011). Locks are taken in one order, so that two
    // batches sharing keys never deadlock.
    private static async Task<Dictionary<Guid, MessageAccepted>> FindKnownAsync(
        IReadOnlyList<Intake> batch,
        IDocumentSession session,
        MessageContext context)
    {
        var keys = batch
            .Select(m => m.IdempotencyKey)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        if (keys.Length == 0)
        {
            return [];
        }

        await session.BeginTransactionAsync(CancellationToken.None);
        await session.AdvancedSql.QueryAsync<long>(
            "select count(pg_advisory_xact_lock(?, h)) from "
                + "(select distinct hashtext(k) as h from unnest(?) as k order by h) as keys",
            CancellationToken.None,
            IdempotencyLockClass,
            keys);

        var ids = keys.Select(MessageIds.FromIdempotencyKey).ToArray();
        var known = new Dictionary<Guid, MessageAccepted>();
        foreach (var message in await session.LoadManyAsync<Message>(ids))
        {
            known[message.Id] = await MessageIntake.AnswerKnownAsync(message, context);
        }

        return known;
    }

    [LoggerMessage(EventId = 5401, Level = LogLevel.Warning,
        Message = "A transaction of {MessageCount} send commands failed; recording each alone")]
    private static partial void LogBatchFailed(
        ILogger logger, int messageCount, Exception exception);

    /// <summary>A send command checked and routed, waiting for its transaction.</summary>
    internal sealed record Intake(
        Guid Id,
        string? IdempotencyKey,
        MessageQueued Queued,
        MessageRouted Routed,
        MessageContent Content,
        string HeaderFrom,
        string? UserName);

    /// <summary>The answer to a send command, and whether this command recorded it.</summary>
    internal readonly record struct Recorded(MessageAccepted Accepted, bool New);
}
