namespace NightPos.Dispatch.Delivery;

/// <summary>
/// The words of a permanent delivery failure (API.md <c>failureType</c>), the same words logs
/// and telemetry use as <c>error.type</c>.
/// </summary>
public static class FailureTypes
{
    /// <summary>
    /// 5xx to RCPT TO: the mailbox does not exist or the server will not take it.
    /// </summary>
    public const string InvalidRecipient = "invalid_recipient";

    /// <summary>5xx to RCPT TO saying the mailbox is full (RFC 3463 5.2.2).</summary>
    public const string MailboxFull = "mailbox_full";

    /// <summary>5xx to MAIL FROM: the server refuses the envelope sender.</summary>
    public const string SenderRefused = "sender_refused";

    /// <summary>5xx to DATA or to the message's content.</summary>
    public const string MessageRefused = "message_refused";

    /// <summary>5xx saying the message is too big (RFC 3463 5.3.4, reply 552).</summary>
    public const string MessageTooLarge = "message_too_large";

    /// <summary>The server refused the credentials, or offers no way to log in.</summary>
    public const string Authentication = "authentication";

    /// <summary>
    /// TLS as configured could not be set up: STARTTLS not offered, a handshake or certificate
    /// failure. Never answered by falling back to plain text (SPEC R17).
    /// </summary>
    public const string Tls = "tls";

    /// <summary>Temporary failures lasted beyond <c>NightPos:Delivery:MaxLifetime</c>.</summary>
    public const string Expired = "expired";

    /// <summary>
    /// The routed server disappeared and routing can no longer place the message.
    /// </summary>
    public const string Unroutable = "unroutable";

    /// <summary>A bounce arrived for a copy the server had accepted (SPEC R12).</summary>
    public const string Bounced = "bounced";
}
