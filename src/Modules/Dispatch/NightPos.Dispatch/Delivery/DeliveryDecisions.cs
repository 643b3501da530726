using NightPos.Dispatch.Messages;
using NightPos.Dispatch.Usage;

namespace NightPos.Dispatch.Delivery;

/// <summary>
/// What an attempt means for a message (SPEC R10, R11), decided from the message and the
/// attempt's report alone: no clock, no I/O, so every rule is tested without a host.
/// </summary>
public static class DeliveryDecisions
{
    /// <summary>
    /// After an SMTP attempt: accepted recipients are sent, permanently refused ones failed,
    /// the rest deferred with the next delay of the schedule, or failed as <c>expired</c> once
    /// the message has outlived <see cref="DeliverySettings.MaxLifetime"/>.
    /// </summary>
    public static DeliveryDecision AfterAttempt(
        Message message,
        DeliveryReport report,
        DateTimeOffset now,
        DeliverySettings settings)
    {
        var attempt = message.Attempts + 1;
        var events = new List<object>();

        foreach (var group in report.Outcomes.Where(o => o.Kind is OutcomeKind.Accepted)
                     .GroupBy(o => o.Reply))
        {
            events.Add(new MessageDispatched(
                attempt, message.ServerId, Addresses(group), group.Key));
        }

        foreach (var group in report.Outcomes.Where(o => o.Kind is OutcomeKind.Permanent)
                     .GroupBy(o => (o.Word, o.Reply)))
        {
            events.Add(new MessageFailed(
                attempt, Addresses(group), group.Key.Word!, group.Key.Reply));
        }

        var transient = report.Outcomes.Where(o => o.Kind is OutcomeKind.Transient).ToList();
        if (transient.Count == 0)
        {
            return new DeliveryDecision(events, null);
        }

        // RFC 5321 4.5.4.1: retry until the lifetime is spent, with one last try at its end.
        var deadline = message.QueuedAt + settings.MaxLifetime;
        if (now >= deadline)
        {
            foreach (var group in transient.GroupBy(o => o.Reply))
            {
                events.Add(new MessageFailed(
                    attempt, Addresses(group), FailureTypes.Expired, group.Key));
            }

            return new DeliveryDecision(events, null);
        }

        var next = Min(now + settings.RetryDelayAfter(attempt), deadline);
        foreach (var group in transient.GroupBy(o => (o.Word, o.Reply)))
        {
            events.Add(new MessageDeferred(
                attempt, Addresses(group), group.Key.Word!, group.Key.Reply, next));
        }

        return new DeliveryDecision(events, next);
    }

    /// <summary>
    /// SPEC R10: the default server's quota for today is used up. The message waits for the
    /// next UTC day and is never failed for it, however long it waits.
    /// </summary>
    public static DeliveryDecision OverDailyLimit(Message message, DateTimeOffset now)
    {
        var next = UtcDays.NextOpening(now);
        var deferred = new MessageDeferred(
            message.Attempts,
            message.Pending.Select(r => r.Address).ToList(),
            DeferralReasons.DailyLimit,
            null,
            next);
        return new DeliveryDecision([deferred], next);
    }

    /// <summary>
    /// Whether a delivery command scheduled for <paramref name="due"/> is the one the message
    /// waits for: its next attempt, or its first when it has none yet.
    /// </summary>
    public static bool IsDue(Message message, DateTimeOffset? due) =>
        (message.NextAttemptAt, due) switch
        {
            (null, null) => true,
            ({ } next, { } scheduled) =>
                (next - scheduled).Duration() < TimeSpan.FromMilliseconds(1),
            _ => false,
        };

    /// <summary>The routed server is gone and routing refuses the message now.</summary>
    public static DeliveryDecision Unroutable(Message message, string detail) =>
        new([new MessageFailed(
            message.Attempts,
            message.Pending.Select(r => r.Address).ToList(),
            FailureTypes.Unroutable,
            detail)], null);

    private static List<string> Addresses(IEnumerable<RecipientOutcome> outcomes) =>
        outcomes.Select(o => o.Address).ToList();

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
