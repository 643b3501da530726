using System.Security.Cryptography;
using System.Text;
using Marten;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using NightPos.Dispatch.Contracts;
using NightPos.Domains.Contracts;
using NightPos.Kernel.Mail;
using NightPos.Notifications.FanOut;
using NightPos.Notifications.Threads;
using Wolverine;
using Wolverine.Runtime.Routing;

namespace NightPos.Notifications.Inbound;

/// <summary>
/// Takes in one raw message that reached the installation: the one inbound path of
/// <c>POST /api/inbound</c> and the mailbox poller (SPEC R14).
/// </summary>
/// <param name="Raw">The message as received (RFC 5322).</param>
/// <param name="EnvelopeRecipient">The SMTP recipient when the deliverer knows it.</param>
/// <param name="FromCatchallMailbox">Fetched from the catchall mailbox.</param>
public sealed record ReceiveMail(byte[] Raw, string? EnvelopeRecipient, bool FromCatchallMailbox)
{
    /// <summary>Names no address and no content (no bodies in logs).</summary>
    public override string ToString() => $"ReceiveMail({Raw.Length} bytes)";
}

/// <summary>What the inbound path did with a message.</summary>
/// <param name="AlreadyReceived">The message was recorded before; nothing new was done.</param>
public sealed record MailReceived(
    InboundOutcome Outcome,
    Guid? ThreadId,
    Guid? PostId,
    string? Reason,
    DeliveryReportRecorded? DeliveryReport,
    bool AlreadyReceived);

public static partial class ReceiveMailHandler
{
    /// <summary>Answers what was done; the notification email batches of a post cascade.</summary>
    public static async Task<(MailReceived, OutgoingMessages)> Handle(
        ReceiveMail command,
        IDocumentSession session,
        IMessageBus bus,
        FollowersCache followersCache,
        IOptions<NotificationsOptions> options,
        TimeProvider clock,
        ILogger<ReceiveMail> logger,
        CancellationToken cancellation)
    {
        MimeMessage message;
        try
        {
            message = await MimeMessage.LoadAsync(new MemoryStream(command.Raw), cancellation);
        }
        catch (FormatException)
        {
            // Only the mailbox poller gets here (the HTTP endpoint refuses such a body): what a
            // mailbox holds is kept, whatever it is.
            return (Keep(session, Unrouted(IdFor(null, command.Raw), clock, null, null, "",
                "it cannot be read as an email (RFC 5322)", command.Raw)), []);
        }

        var mail = InboundMail.Read(message);
        if (mail.IsDeliveryReport)
        {
            return (await HandOverDeliveryReport(command, bus, logger, cancellation), []);
        }

        var id = IdFor(mail.MessageId, command.Raw);
        if (await session.LoadAsync<ReceivedMail>(id, cancellation) is { } earlier)
        {
            return (Answer(earlier, alreadyReceived: true), []);
        }

        IReadOnlyList<AddressOwner> owners = command.FromCatchallMailbox
            ? []
            : await OwnersOf(mail, command.EnvelopeRecipient, bus, cancellation);
        var candidates = InboundRoute.Candidates(mail);
        var known = (await session.LoadManyAsync<ThreadMessageId>(cancellation, candidates))
            .ToDictionary(k => k.Id);
        var answered = candidates.Select(known.GetValueOrDefault)
            .FirstOrDefault(k => k is not null);
        var route = InboundRoute.Decide(mail, owners, command.FromCatchallMailbox, answered);

        if (route.ThreadId is not { } threadId)
        {
            LogUnrouted(logger, id, route.UnroutedBecause!);
            return (Keep(session, Unrouted(id, clock, mail.MessageId, mail.FromEmail, mail.Subject,
                route.UnroutedBecause!, command.Raw)), []);
        }

        var stream = await session.Events.FetchForExclusiveWriting<MessageThread>(
            threadId, cancellation);

        // Checked again under the thread's lock: the same message delivered twice at once is
        // posted by whichever delivery takes the lock first.
        if (await session.LoadAsync<ReceivedMail>(id, cancellation) is { } raced)
        {
            return (Answer(raced, alreadyReceived: true), []);
        }

        var now = clock.GetUtcNow();
        var post = new PostDecision.Input(
            MessageIds.Deterministic($"post:{id:N}"),
            now,
            mail.FromName ?? EmailAddress.LocalPartOf(mail.FromEmail!),
            mail.FromEmail!,
            InboundMail.NewText(message),
            route.Subtype!,
            PostOrigin.Email,
            mail.MessageId is { } own && !known.ContainsKey(own) ? own : null);
        var followers = await followersCache.GetAsync(session, stream.Aggregate!, cancellation);
        var decision = PostDecision.Decide(stream.Aggregate!, followers, post,
            options.Value.EmailBatchSize);

        stream.AppendOne(decision.Posted);
        var emails = PostRecording.Record(decision, session);

        var received = new ReceivedMail(id, now, mail.MessageId, mail.FromEmail, mail.Subject,
            InboundOutcome.Posted, threadId, post.PostId, null, null);
        LogPosted(logger, id, threadId, post.PostId);
        return (Keep(session, received), emails);
    }

    /// <summary>
    /// The id of a received message: from its Message-ID, which every copy shares, or from its
    /// bytes when it has none.
    /// </summary>
    public static Guid IdFor(string? messageId, byte[] raw) =>
        MessageIds.Deterministic(messageId is not null
            ? $"inbound:{messageId}"
            : $"inbound-bytes:{Convert.ToHexString(SHA256.HashData(raw))}");

    private static async Task<MailReceived> HandOverDeliveryReport(
        ReceiveMail command,
        IMessageBus bus,
        ILogger logger,
        CancellationToken cancellation)
    {
        // RFC 3464 reports are 7-bit text in practice; the original message they quote may be
        // 8-bit, and UTF-8 is what it is then almost always in.
        var handOver = new RecordDeliveryReport(Encoding.UTF8.GetString(command.Raw));
        DeliveryReportRecorded report;
        try
        {
            report = await bus.InvokeAsync<DeliveryReportRecorded>(handOver, cancellation);
        }
        catch (IndeterminateRoutesException)
        {
            // SPEC R12 belongs to Dispatch. Until it handles reports this answers "not yet",
            // which the poller retries later and HTTP answers 503: the report is not lost.
            LogReportNotAccepted(logger);
            return new MailReceived(InboundOutcome.DeliveryReportNotAccepted, null, null,
                "Dispatch does not record delivery reports yet", null, false);
        }

        return new MailReceived(InboundOutcome.DeliveryReport, null, null, null, report, false);
    }

    private static async Task<IReadOnlyList<AddressOwner>> OwnersOf(
        InboundMail mail,
        string? envelopeRecipient,
        IMessageBus bus,
        CancellationToken cancellation)
    {
        var owners = new List<AddressOwner>();
        var recipients = mail.Recipients
            .Append(EmailAddress.ToComparable(envelopeRecipient))
            .OfType<string>()
            .Distinct();
        foreach (var recipient in recipients)
        {
            if (await bus.InvokeAsync<AddressOwner?>(new FindAddressOwner(recipient), cancellation)
                is { } owner)
            {
                owners.Add(owner);
            }
        }

        return owners;
    }

    private static ReceivedMail Unrouted(
        Guid id,
        TimeProvider clock,
        string? messageId,
        string? from,
        string subject,
        string reason,
        byte[] raw) =>
        new(id, clock.GetUtcNow(), messageId, from, subject, InboundOutcome.Unrouted, null, null,
            reason, raw);

    private static MailReceived Keep(IDocumentSession session, ReceivedMail received)
    {
        session.Store(received);
        return Answer(received, alreadyReceived: false);
    }

    private static MailReceived Answer(ReceivedMail received, bool alreadyReceived) =>
        new(received.Outcome, received.ThreadId, received.PostId, received.Reason, null,
            alreadyReceived);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information,
        Message = "Inbound message {ReceivedId} posted on thread {ThreadId} as post {PostId}")]
    private static partial void LogPosted(
        ILogger logger, Guid receivedId, Guid threadId, Guid postId);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Information,
        Message = "Inbound message {ReceivedId} kept as unrouted: {Reason}")]
    private static partial void LogUnrouted(ILogger logger, Guid receivedId, string reason);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Warning,
        Message = "A delivery report arrived but Dispatch does not record delivery reports yet")]
    private static partial void LogReportNotAccepted(ILogger logger);
}
