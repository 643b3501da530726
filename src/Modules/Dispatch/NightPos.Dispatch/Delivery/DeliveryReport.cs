namespace NightPos.Dispatch.Delivery;

/// <summary>What one SMTP attempt did for each recipient it carried.</summary>
public sealed record DeliveryReport(IReadOnlyList<RecipientOutcome> Outcomes)
{
    /// <summary>
    /// The same failure for every recipient: the connection or the sender failed.
    /// </summary>
    public static DeliveryReport AllFailed(IEnumerable<string> recipients, SmtpFailure failure) =>
        new(recipients
            .Select(r => new RecipientOutcome(
                r,
                failure.Transient ? OutcomeKind.Transient : OutcomeKind.Permanent,
                failure.Word,
                failure.Reply))
            .ToList());
}
