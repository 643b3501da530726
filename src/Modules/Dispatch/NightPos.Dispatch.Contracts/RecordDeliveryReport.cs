namespace NightPos.Dispatch.Contracts;

/// <summary>
/// Sent by the inbound mail gateway (Notifications, <c>POST /api/inbound</c>) when a received
/// message is a delivery status notification (RFC 3464, <c>multipart/report;
/// report-type=delivery-status</c>) addressed to a current or retired bounce address (SPEC R12).
/// <see cref="RawMessage"/> is the whole message as received. Dispatch matches it to the
/// original message by its <c>Message-ID</c> and marks the failed recipients bounced; it answers
/// a <see cref="DeliveryReportRecorded"/>.
/// </summary>
public sealed record RecordDeliveryReport(string RawMessage)
{
    /// <summary>
    /// Leaves the report out: it quotes the original message, body included, and a log line
    /// quoting the command must carry no body (SPEC R17).
    /// </summary>
    public override string ToString() => $"RecordDeliveryReport({RawMessage.Length} characters)";
}

/// <summary>
/// The answer to <see cref="RecordDeliveryReport"/>: the id of the original message when the
/// report matched one, else null (the report is then kept as unmatched, never dropped), and the
/// recipients it marked bounced.
/// </summary>
public sealed record DeliveryReportRecorded(Guid? MessageId, IReadOnlyList<string> BouncedRecipients);
