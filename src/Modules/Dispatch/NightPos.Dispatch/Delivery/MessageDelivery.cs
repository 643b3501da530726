using Microsoft.Extensions.Logging;
using NightPos.Dispatch.Messages;
using NightPos.Dispatch.Routing;
using NightPos.Dispatch.Sending;
using NightPos.Dispatch.Telemetry;
using NightPos.Dispatch.Usage;
using NightPos.Servers.Contracts;
using Wolverine;

namespace NightPos.Dispatch.Delivery;

/// <summary>
/// One delivery attempt of one message, from finding its server to the decision about it:
/// the edges (server list, daily quota, SMTP) are called here, the rules are in
/// <see cref="DeliveryDecisions"/>.
/// </summary>
public sealed partial class MessageDelivery(
    ServerDirectory directory,
    DailyQuota quota,
    SmtpSender sender,
    DeliverySettings settings,
    TimeProvider clock,
    DispatchMetrics metrics,
    ILogger<MessageDelivery> logger)
{
    /// <summary>
    /// Where the next attempt of <paramref name="message"/> goes: its routed server, or, when
    /// that server was deleted or archived since, the one routing chooses now (ADR 0011). The
    /// new route is applied to the message and returned as the event to record; a message no
    /// server may carry any more comes back with its <c>unroutable</c> decision.
    /// </summary>
    public async Task<Destination> FindDestinationAsync(
        Message message,
        IMessageBus bus,
        IRouter router,
        CancellationToken cancellation)
    {
        var target = await directory.FindAsync(message.ServerId, bus, cancellation);
        if (target is not null)
        {
            return new Destination(target, null, null);
        }

        var routed = await RouteAgainAsync(message, router, cancellation);
        if (routed is null)
        {
            return new Destination(null, null, Counted(DeliveryDecisions.Unroutable(
                message, "The message's server no longer exists or is archived, and routing "
                    + "refuses the message now.")));
        }

        message.Apply(routed);
        target = await directory.FindAsync(message.ServerId, bus, cancellation);
        return target is null
            ? new Destination(null, routed, Counted(DeliveryDecisions.Unroutable(
                message, "Routing chose a server that is not active.")))
            : new Destination(target, routed, null);
    }

    /// <summary>
    /// One SMTP attempt of the message's pending copies on <paramref name="target"/>, after
    /// the default server's daily quota (SPEC R10) let it through, and what it means for them.
    /// Safe to run beside attempts of other messages: it touches no session and no bus.
    /// </summary>
    public async Task<DeliveryDecision> AttemptAsync(
        Message message,
        MessageContent? content,
        SmtpTarget target,
        IServerCredentials credentials,
        CancellationToken cancellation)
    {
        var day = UtcDays.DayOf(clock.GetUtcNow());
        if (target.IsDefaultServer && !await quota.TryTakeAsync(day, cancellation))
        {
            var held = DeliveryDecisions.OverDailyLimit(message, clock.GetUtcNow());
            LogHeld(message.Id, quota.Limit, held.RetryAt!.Value);
            metrics.Delivered(target, held.Events);
            return held;
        }

        var report = await SendAsync(message, content, target, credentials, day, cancellation);
        var decision = DeliveryDecisions.AfterAttempt(message, report, clock.GetUtcNow(), settings);
        Log(message, target, decision);
        metrics.Delivered(target, decision.Events);
        return decision;
    }

    private DeliveryDecision Counted(DeliveryDecision decision)
    {
        metrics.Delivered(null, decision.Events);
        return decision;
    }

    private async Task<DeliveryReport> SendAsync(
        Message message,
        MessageContent? content,
        SmtpTarget target,
        IServerCredentials credentials,
        DateOnly day,
        CancellationToken cancellation)
    {
        var accepted = false;
        try
        {
            var report = await sender.SendAsync(
                target,
                credentials,
                MimeMessageFactory.Create(message, content),
                message.EnvelopeFrom!,
                message.Pending.Select(r => r.Address).ToList(),
                message.Id.ToString("N"),
                cancellation);
            accepted = report.Outcomes.Any(o => o.Kind is OutcomeKind.Accepted);
            return report;
        }
        finally
        {
            // SPEC R10 counts mail the default server carried: an attempt it took nothing from
            // gives its slot back.
            if (target.IsDefaultServer && !accepted)
            {
                await quota.GiveBackAsync(day, CancellationToken.None);
            }
        }
    }

    private async Task<MessageRouted?> RouteAgainAsync(
        Message message,
        IRouter router,
        CancellationToken cancellation)
    {
        try
        {
            var request = new RouteRequest(
                message.CompanyId, message.From, message.Kind, message.ForcedServerId);
            var route = await router.RouteAsync(request, null, cancellation);
            metrics.Routed(route, message.Kind);
            return MessageIntake.RoutedEvent(route);
        }
        catch (RouteRefusedException)
        {
            return null;
        }
    }

    private void Log(Message message, SmtpTarget target, DeliveryDecision decision)
    {
        foreach (var e in decision.Events)
        {
            switch (e)
            {
                case MessageDispatched sent:
                    LogSent(message.Id, sent.Recipients.Count, target.Label, sent.Attempt);
                    break;
                case MessageDeferred deferred:
                    LogDeferred(message.Id, deferred.Recipients.Count, target.Label,
                        deferred.Reason, ReplyCode(deferred.Reply), deferred.NextAttemptAt);
                    break;
                case MessageFailed failed:
                    LogFailed(message.Id, failed.Recipients.Count, target.Label,
                        failed.FailureType, ReplyCode(failed.Reply));
                    break;
            }
        }
    }

    // Only the reply code goes to the log: the text may quote an address.
    private static string ReplyCode(string? reply) =>
        reply is { Length: >= 3 } && char.IsAsciiDigit(reply[0]) ? reply[..3] : "none";

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information,
        Message = "Message {MessageId} sent to {RecipientCount} recipients on server {ServerId} "
            + "(attempt {Attempt})")]
    private partial void LogSent(Guid messageId, int recipientCount, string serverId, int attempt);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning,
        Message = "Message {MessageId} deferred for {RecipientCount} recipients on server "
            + "{ServerId}: {Reason} (reply {ReplyCode}); next attempt at {NextAttemptAt}")]
    private partial void LogDeferred(
        Guid messageId,
        int recipientCount,
        string serverId,
        string reason,
        string replyCode,
        DateTimeOffset nextAttemptAt);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning,
        Message = "Message {MessageId} failed for {RecipientCount} recipients on server "
            + "{ServerId}: {FailureType} (reply {ReplyCode})")]
    private partial void LogFailed(
        Guid messageId,
        int recipientCount,
        string serverId,
        string failureType,
        string replyCode);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Information,
        Message = "Message {MessageId} waits for the next day: the default server's daily limit "
            + "of {Limit} is reached; next attempt at {NextAttemptAt}")]
    private partial void LogHeld(Guid messageId, int limit, DateTimeOffset nextAttemptAt);
}
