namespace NightPos.Dispatch.Delivery;

/// <summary>
/// One failed SMTP step, transient or permanent. <see cref="Word"/> is a
/// <see cref="DeferralReasons"/> word when transient, a <see cref="FailureTypes"/> word when
/// permanent; <see cref="Reply"/> is the server's answer or what went wrong on the wire.
/// </summary>
public sealed record SmtpFailure(bool Transient, string Word, string Reply)
{
    public static SmtpFailure Temporary(string word, string reply) => new(true, word, reply);

    public static SmtpFailure Permanent(string word, string reply) => new(false, word, reply);
}
