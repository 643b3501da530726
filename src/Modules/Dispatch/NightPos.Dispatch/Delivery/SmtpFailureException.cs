namespace NightPos.Dispatch.Delivery;

/// <summary>
/// Opening a connection failed; <see cref="Failure"/> says how and whether to retry.
/// </summary>
public sealed class SmtpFailureException(SmtpFailure failure, Exception inner)
    : Exception(failure.Reply, inner)
{
    public SmtpFailure Failure { get; } = failure;
}
