namespace NightPos.Dispatch.Bounces;

/// <summary>
/// One recipient's group of a delivery status report: <see cref="Action"/> is <c>failed</c>,
/// <c>delayed</c>, <c>delivered</c>, <c>relayed</c> or <c>expanded</c> (RFC 3464 2.3.3).
/// </summary>
public sealed record RecipientReport(
    string Address,
    string Action,
    string Status,
    string? Diagnostic)
{
    public bool Failed => string.Equals(Action, "failed", StringComparison.OrdinalIgnoreCase);
}
