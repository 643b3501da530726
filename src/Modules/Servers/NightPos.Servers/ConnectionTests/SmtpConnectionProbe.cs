using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NightPos.Dispatch.Contracts;
using NightPos.Servers.Contracts;

namespace NightPos.Servers.ConnectionTests;

/// <summary>
/// The edge that talks SMTP for a test connection (SPEC R9): connect, TLS as configured with the
/// certificate validated as delivery validates it (ADR 0019), EHLO, AUTH, MAIL FROM, RCPT TO,
/// RSET, QUIT; nothing is ever sent. Every failure becomes exactly one
/// <see cref="ConnectionFailure"/> with a message saying what to check. Logs ids and failure
/// words only, never addresses, credentials or server replies.
/// </summary>
public sealed partial class SmtpConnectionProbe(
    IOptions<ServersOptions> options,
    IServerCertificateTrust trust,
    ILogger<SmtpConnectionProbe> logger)
{
    private enum Stage
    {
        Connect,
        Authenticate,
        Sender,
        Recipient,
        Quit,
    }

    public async Task<ProbeOutcome> ProbeAsync(ProbeTarget target, CancellationToken cancellation)
    {
        var timeout = options.Value.TestTimeout;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        limit.CancelAfter(timeout);

        var stage = Stage.Connect;
        SslPolicyErrors certificateErrors = SslPolicyErrors.None;
        using var client = new ProbeSmtpClient { Timeout = (int)timeout.TotalMilliseconds };

        // SPEC R17: the test trusts exactly what delivery trusts, the system's authorities and
        // the private ones delivery is given (ADR 0019); the callback keeps the reason of a
        // refusal, to name it in the answer. ADR 0019: a server record that accepts invalid
        // certificates excuses a failed chain or name, never a missing certificate, and TLS is
        // still negotiated.
        client.ServerCertificateValidationCallback = (_, certificate, chain, errors) =>
        {
            if (trust.Trusts(certificate, chain, errors))
            {
                return true;
            }

            certificateErrors = errors;

            var accepted = target.AcceptInvalidCertificate
                && !errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable);
            if (accepted)
            {
                LogInvalidCertificateAccepted(logger, target.ServerId, errors.ToString());
            }

            return accepted;
        };

        try
        {
            if (target.Secrets is { CertificatePem: { } certificate, PrivateKeyPem: { } key })
            {
                client.ClientCertificates = [X509Certificate2.CreateFromPem(certificate, key)];
            }

            await client.ConnectAsync(target.Host, target.Port, SocketOptions(target), limit.Token);

            stage = Stage.Authenticate;
            if (target.Username is not null)
            {
                await client.AuthenticateAsync(
                    target.Username, target.Secrets?.Password ?? "", limit.Token);
            }

            stage = Stage.Sender;
            var sender = await client.CommandAsync($"MAIL FROM:<{target.Sender}>", limit.Token);
            if (!IsPositive(sender))
            {
                return Refused(target, stage, sender);
            }

            stage = Stage.Recipient;
            var recipient = await client.CommandAsync(
                $"RCPT TO:<{target.Recipient}>", limit.Token);
            if (!IsPositive(recipient))
            {
                return Refused(target, stage, recipient);
            }

            stage = Stage.Quit;
            await client.CommandAsync("RSET", limit.Token);
            await client.DisconnectAsync(quit: true, limit.Token);

            LogSucceeded(logger, target.ServerId);
            return new ProbeOutcome(true, null, Succeeded(target, certificateErrors));
        }
        catch (Exception) when (stage == Stage.Quit)
        {
            // The server accepted sender and recipient: a reset or goodbye that goes wrong
            // afterwards changes nothing about what the test shows.
            LogSucceeded(logger, target.ServerId);
            return new ProbeOutcome(true, null, Succeeded(target, certificateErrors));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var timedOut = limit.IsCancellationRequested;
            var outcome = Classify(e, target, stage, certificateErrors, timedOut, timeout);
            LogFailed(
                logger,
                target.ServerId,
                outcome.Failure is { } failure ? ConnectionFailures.Word(failure) : "other",
                stage.ToString(),
                e.GetType().Name);
            return outcome;
        }
    }

    private static SecureSocketOptions SocketOptions(ProbeTarget target) => target.Encryption switch
    {
        // StartTls, not StartTlsWhenAvailable: a server configured for TLS never falls back to
        // plain text (SPEC R17).
        ServerEncryption.Starttls => SecureSocketOptions.StartTls,
        ServerEncryption.Ssl => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.None,
    };

    private static bool IsPositive(SmtpResponse response) =>
        (int)response.StatusCode is >= 200 and < 300;

    private static ProbeOutcome Refused(ProbeTarget target, Stage stage, SmtpResponse response)
    {
        var reply = $"{(int)response.StatusCode} {response.Response.Trim()}";
        if ((int)response.StatusCode is 530 or 535)
        {
            return ProbeOutcome.Failed(ConnectionFailure.Authentication,
                $"{target.Host} requires authentication before accepting {target.Sender} "
                + $"({reply}): set authentication login with the username and password the "
                + "provider gives.");
        }

        return ProbeOutcome.Failed(ConnectionFailure.SenderRefused, stage == Stage.Sender
            ? $"{target.Host} refused {target.Sender} as sender ({reply}): allow this address or "
                + "its domain at the provider, or change the server's FROM filter to addresses "
                + "the provider lets this account send from."
            : $"{target.Host} accepted {target.Sender} as sender but refused the test recipient "
                + $"{target.Recipient} ({reply}): the account may not be allowed to send from "
                + $"{target.Sender}, or to relay; check the provider's sender settings.");
    }

    private static ProbeOutcome Classify(
        Exception e,
        ProbeTarget target,
        Stage stage,
        SslPolicyErrors certificateErrors,
        bool timedOut,
        TimeSpan timeout)
    {
        var at = $"{target.Host}:{target.Port}";
        if (timedOut || e is TimeoutException || IsSocketError(e, SocketError.TimedOut))
        {
            return ProbeOutcome.Failed(ConnectionFailure.Timeout,
                $"{at} did not answer within {timeout.TotalSeconds:0.#} s: check the host and the "
                + "port, and that no firewall silently drops the connection.");
        }

        return e switch
        {
            SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData
                or SocketError.TryAgain } => ProbeOutcome.Failed(ConnectionFailure.HostNotFound,
                $"The host name {target.Host} does not resolve: check its spelling against the "
                + "provider's documentation."),
            SocketException => ProbeOutcome.Failed(ConnectionFailure.ConnectionRefused,
                $"{at} refused the connection or cannot be reached: check the port (465 for ssl, "
                + "587 for starttls, or 2525) and that a firewall lets this machine reach it."),
            SslHandshakeException or System.Security.Authentication.AuthenticationException =>
                ProbeOutcome.Failed(ConnectionFailure.Tls, TlsMessage(target, certificateErrors)),
            NotSupportedException when stage == Stage.Connect =>
                ProbeOutcome.Failed(ConnectionFailure.Tls,
                    $"{at} does not offer STARTTLS: use encryption ssl if the port expects TLS "
                    + "from the start (465), or a port that offers STARTTLS (587)."),
            NotSupportedException => ProbeOutcome.Failed(ConnectionFailure.Authentication,
                $"{at} offers no authentication on this connection: remove the username and "
                + "password if it relays without them, or use the port the provider gives for "
                + "authenticated submission."),
            MailKit.Security.AuthenticationException => ProbeOutcome.Failed(
                ConnectionFailure.Authentication,
                $"{target.Host} refused the username and password of {target.Username}: check "
                + "them; many providers want an app password or an API key instead."),
            SmtpCommandException command when stage == Stage.Authenticate => ProbeOutcome.Failed(
                ConnectionFailure.Authentication,
                $"{target.Host} refused to authenticate {target.Username} "
                + $"({(int)command.StatusCode}): check the username and password."),
            SmtpCommandException or SmtpProtocolException or IOException
                when stage == Stage.Connect => ProbeOutcome.Failed(
                ConnectionFailure.ConnectionRefused,
                $"{at} accepted the connection but closed it or refused the session: check that "
                + "this is an SMTP submission port and that the provider accepts this machine."),
            _ => ProbeOutcome.Failed(null,
                $"{at} failed during {stage.ToString().ToLowerInvariant()}: {e.Message}"),
        };
    }

    private static string TlsMessage(ProbeTarget target, SslPolicyErrors errors)
    {
        var at = $"{target.Host}:{target.Port}";
        var reason = CertificateProblem(target, errors)
            ?? "the handshake failed: check that the encryption matches the port (ssl for 465, "
                + "starttls for 587)";
        return $"TLS with {at} failed: {reason}. NightPOS never falls back to plain text.";
    }

    private static string? CertificateProblem(ProbeTarget target, SslPolicyErrors errors) =>
        CertificateFlaw(target, errors) is not { } flaw ? null
            : errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)
                ? $"{flaw}: use the host name the certificate names, as the provider documents it"
                : errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors)
                    ? $"{flaw}: use the provider's official host name, or trust its authority "
                        + "in the system's store or in NightPos:Delivery:TrustedCertificates; for "
                        + "an internal relay of your own, acceptInvalidCertificate on the server "
                        + "accepts it"
                    : flaw;

    private static string? CertificateFlaw(ProbeTarget target, SslPolicyErrors errors) =>
        errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)
            ? $"its certificate is not issued for {target.Host}"
            : errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors)
                ? "its certificate is not trusted (self-signed, expired or from an unknown "
                    + "authority)"
                : errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable)
                    ? "it presented no certificate"
                    : null;

    private static bool IsSocketError(Exception e, SocketError error) =>
        e is SocketException { SocketErrorCode: var code } && code == error
        || e.InnerException is { } inner && IsSocketError(inner, error);

    private static string Succeeded(ProbeTarget target, SslPolicyErrors certificateErrors)
    {
        var authenticated = target.Username is null
            ? target.Secrets?.CertificatePem is null
                ? "without authentication"
                : "with the client certificate"
            : $"authenticated as {target.Username}";
        return $"Connected to {target.Host}:{target.Port} "
            + $"({target.Encryption.ToString().ToLowerInvariant()}), {authenticated}; the server "
            + $"accepted {target.Sender} as sender and {target.Recipient} as recipient, and "
            + "nothing was sent. The provider may still restrict sending: check its sending "
            + "limits and which sender addresses it allows."
            + (CertificateFlaw(target, certificateErrors) is { } flaw
                ? $" Warning: {flaw}; the connection was still encrypted, and "
                    + "the certificate was accepted only because acceptInvalidCertificate is on."
                : "");
    }

    [LoggerMessage(
        EventId = 3101,
        EventName = "ConnectionTestSucceeded",
        Level = LogLevel.Information,
        Message = "Test connection to server {ServerId} succeeded")]
    private static partial void LogSucceeded(ILogger logger, Guid serverId);

    [LoggerMessage(
        EventId = 3102,
        EventName = "ConnectionTestFailed",
        Level = LogLevel.Warning,
        Message = "Test connection to server {ServerId} failed: {Failure} during {Stage} "
            + "({ErrorType})")]
    private static partial void LogFailed(
        ILogger logger,
        Guid serverId,
        string failure,
        string stage,
        string errorType);

    [LoggerMessage(
        EventId = 3103,
        EventName = "InvalidCertificateAccepted",
        Level = LogLevel.Warning,
        Message = "Test connection to server {ServerId} accepted a certificate that failed "
            + "validation ({CertificateErrors}), as the server record allows")]
    private static partial void LogInvalidCertificateAccepted(
        ILogger logger,
        Guid serverId,
        string certificateErrors);
}
