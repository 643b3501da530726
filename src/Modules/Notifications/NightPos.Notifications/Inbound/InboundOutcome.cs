namespace NightPos.Notifications.Inbound;

/// <summary>
/// What became of a received message. JSON: <c>posted</c>, <c>unrouted</c>,
/// <c>delivery-report</c>, <c>delivery-report-not-accepted</c>.
/// </summary>
public enum InboundOutcome
{
    /// <summary>Recorded as a post of the thread it answers, and fanned out (SPEC R13).</summary>
    Posted,

    /// <summary>Matched no thread or may not be posted: kept and listed (SPEC R14).</summary>
    Unrouted,

    /// <summary>A delivery status notification, handed to Dispatch (SPEC R12).</summary>
    DeliveryReport,

    /// <summary>A delivery report Dispatch could not take yet: deliver it again later.</summary>
    DeliveryReportNotAccepted,
}
