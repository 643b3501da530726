namespace NightPos.Dispatch.Messages;

/// <summary>
/// Where a message stands as a whole (API.md). <c>Sent</c> once every recipient is settled and
/// at least one copy went out; <c>Failed</c> when none did; <c>Bounced</c> once any recipient's
/// copy bounced (SPEC R12, the "red envelope").
/// </summary>
public enum MessageState
{
    Queued,
    Sent,
    Deferred,
    Failed,
    Bounced,
}
