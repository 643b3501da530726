using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace NightPos.Dispatch.Delivery;

/// <summary>
/// Reads SMTP replies and network errors as typed failures (SPEC R11): 4xx, dropped
/// connections and timeouts are transient; 5xx, TLS and credential refusals are permanent.
/// </summary>
public static class SmtpFailures
{
    /// <summary>A refused RCPT TO (RFC 5321 4.2.1: 4yz transient, 5yz permanent).</summary>
    public static SmtpFailure ForRecipient(SmtpStatusCode code, string text)
    {
        var reply = Reply(code, text);
        if (IsTransient(code))
        {
            return SmtpFailure.Temporary(DeferralReasons.TemporaryFailure, reply);
        }

        // RFC 3463 5.2.2 (mailbox full) is the one refusal worth naming apart.
        return code == SmtpStatusCode.ExceededStorageAllocation || text.StartsWith("5.2.2")
            ? SmtpFailure.Permanent(FailureTypes.MailboxFull, reply)
            : SmtpFailure.Permanent(FailureTypes.InvalidRecipient, reply);
    }

    /// <summary>A failed command other than RCPT TO: MAIL FROM, DATA, the end of data.</summary>
    public static SmtpFailure ForCommand(SmtpCommandException e)
    {
        var reply = Reply(e.StatusCode, e.Message);
        if (IsTransient(e.StatusCode))
        {
            return SmtpFailure.Temporary(DeferralReasons.TemporaryFailure, reply);
        }

        return e.ErrorCode switch
        {
            SmtpErrorCode.SenderNotAccepted =>
                SmtpFailure.Permanent(FailureTypes.SenderRefused, reply),
            SmtpErrorCode.RecipientNotAccepted => ForRecipient(e.StatusCode, e.Message),
            _ when e.StatusCode == SmtpStatusCode.ExceededStorageAllocation
                || e.Message.StartsWith("5.3.4") =>
                SmtpFailure.Permanent(FailureTypes.MessageTooLarge, reply),
            _ => SmtpFailure.Permanent(FailureTypes.MessageRefused, reply),
        };
    }

    /// <summary>
    /// Any other exception of a conversation, or null when it is no SMTP or network failure
    /// (a bug, which the handler's error policy retries and logs).
    /// </summary>
    public static SmtpFailure? ForException(Exception e, SmtpPhase phase) => e switch
    {
        SmtpFailureException known => known.Failure,
        SmtpCommandException command => ForCommand(command),
        SslHandshakeException or System.Security.Authentication.AuthenticationException =>
            SmtpFailure.Permanent(FailureTypes.Tls, e.Message),

        // MailKit's only NotSupportedException while connecting: STARTTLS required and not
        // offered. SPEC R17: never fall back to plain text.
        NotSupportedException when phase == SmtpPhase.Connect =>
            SmtpFailure.Permanent(FailureTypes.Tls, e.Message),
        NotSupportedException when phase == SmtpPhase.Authenticate =>
            SmtpFailure.Permanent(FailureTypes.Authentication, e.Message),
        NotSupportedException => SmtpFailure.Permanent(FailureTypes.MessageRefused, e.Message),

        // MailKit words a refused AUTH "535: ..." after the reply code.
        MailKit.Security.AuthenticationException when e.Message.StartsWith('4') =>
            SmtpFailure.Temporary(DeferralReasons.Authentication, e.Message),
        MailKit.Security.AuthenticationException or ServiceNotAuthenticatedException =>
            SmtpFailure.Permanent(FailureTypes.Authentication, e.Message),

        _ when Find<SocketException>(e) is { } socket => ForSocket(socket),
        _ when Find<TimeoutException>(e) is not null =>
            SmtpFailure.Temporary(DeferralReasons.Timeout, e.Message),
        IOException or SmtpProtocolException or ServiceNotConnectedException =>
            SmtpFailure.Temporary(DeferralReasons.ConnectionLost, e.Message),
        _ => null,
    };

    private static SmtpFailure ForSocket(SocketException e) => e.SocketErrorCode switch
    {
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain =>
            SmtpFailure.Temporary(DeferralReasons.HostNotFound, e.Message),
        SocketError.ConnectionRefused =>
            SmtpFailure.Temporary(DeferralReasons.ConnectionRefused, e.Message),
        SocketError.TimedOut => SmtpFailure.Temporary(DeferralReasons.Timeout, e.Message),
        _ => SmtpFailure.Temporary(DeferralReasons.ConnectionLost, e.Message),
    };

    private static bool IsTransient(SmtpStatusCode code) => (int)code is >= 400 and < 500;

    private static string Reply(SmtpStatusCode code, string text) => $"{(int)code} {text}".Trim();

    private static T? Find<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }
}
