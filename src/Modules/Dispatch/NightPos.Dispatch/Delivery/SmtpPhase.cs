namespace NightPos.Dispatch.Delivery;

/// <summary>
/// The step of an SMTP conversation a failure happened in; it decides how to read it.
/// </summary>
public enum SmtpPhase
{
    /// <summary>Connecting, the greeting, EHLO and the TLS negotiation.</summary>
    Connect,
    Authenticate,

    /// <summary>MAIL FROM, RCPT TO, DATA and the message itself.</summary>
    Transfer,
}
