using JasperFx;
using Marten;
using Microsoft.Extensions.Logging;
using NightPos.Dispatch.Contracts;
using NightPos.Dispatch.Messages;
using NightPos.Kernel.Mail;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace NightPos.Dispatch.Bounces;

/// <summary>
/// SPEC R12: a delivery status report handed over by the inbound gateway marks the failed
/// recipients of the original message bounced. The original is found by the id inside its
/// Message-ID, or by the DSN envelope id delivery gave (RFC 3461 ENVID); a report that matches
/// no message of ours changes nothing and is answered with a null id.
/// </summary>
public static partial class RecordDeliveryReportHandler
{
    public static void Configure(HandlerChain chain)
    {
        // A local bounce can arrive while the delivery it reports on is still committing its
        // own events to the message: Marten's version check then refuses this append, and
        // reading the stream again settles it. Retried inline, so the inbound caller still
        // gets its answer rather than a 500.
        chain.OnException<ConcurrencyException>()
            .RetryWithCooldown(
                TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200),
                TimeSpan.FromSeconds(1));
    }

    public static async Task<DeliveryReportRecorded> Handle(
        RecordDeliveryReport command,
        IDocumentSession session,
        TimeProvider clock,
        ILogger<RecordDeliveryReport> logger,
        CancellationToken cancellation)
    {
        var report = DeliveryStatusReport.Read(command.RawMessage);
        var id = report is null ? null : OriginalId(report);
        if (id is null)
        {
            return new DeliveryReportRecorded(null, []);
        }

        var stream = await session.Events.FetchForWriting<Message>(id.Value, cancellation);
        if (stream.Aggregate is not { } message)
        {
            return new DeliveryReportRecorded(null, []);
        }

        var bounced = Decide(message, report!, clock.GetUtcNow());
        stream.AppendMany(bounced);
        LogRecorded(logger, message.Id, bounced.Count);
        return new DeliveryReportRecorded(message.Id, bounced.Select(b => b.Recipient).ToList());
    }

    /// <summary>
    /// A bounce for each recipient the report says failed and the message has, once: a second
    /// copy of the same report marks nothing new.
    /// </summary>
    public static List<MessageBounced> Decide(
        Message message,
        DeliveryStatusReport report,
        DateTimeOffset now)
    {
        var bounced = new List<MessageBounced>();
        foreach (var failed in report.Recipients.Where(r => r.Failed))
        {
            var address = EmailAddress.ToComparable(failed.Address);
            var recipient = message.Recipients.FirstOrDefault(r =>
                EmailAddress.ToComparable(r.Address) == address
                && r.State is not RecipientState.Bounced);
            if (recipient is not null && bounced.All(b => b.Recipient != recipient.Address))
            {
                bounced.Add(new MessageBounced(
                    recipient.Address, failed.Status, failed.Diagnostic, now));
            }
        }

        return bounced;
    }

    private static Guid? OriginalId(DeliveryStatusReport report) =>
        MessageIds.FromMessageIdHeader(report.OriginalMessageId)
        ?? (Guid.TryParseExact(report.OriginalEnvelopeId, "N", out var id) ? id : null);

    [LoggerMessage(EventId = 5301, Level = LogLevel.Information,
        Message = "Delivery report for message {MessageId} marked {RecipientCount} "
            + "recipients bounced")]
    private static partial void LogRecorded(ILogger logger, Guid messageId, int recipientCount);
}
