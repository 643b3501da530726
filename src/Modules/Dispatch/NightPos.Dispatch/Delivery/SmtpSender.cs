using MailKit.Net.Smtp;
using MimeKit;
using NightPos.Servers.Contracts;

namespace NightPos.Dispatch.Delivery;

/// <summary>
/// The delivery edge: carries one message over a pooled connection and reports, per recipient,
/// what the server said. SMTP and network failures come back in the report, never as
/// exceptions; only cancellation and bugs throw.
/// </summary>
public sealed class SmtpSender(SmtpConnectionPool pool)
{
    public async Task<DeliveryReport> SendAsync(
        SmtpTarget target,
        IServerCredentials credentials,
        MimeMessage message,
        string envelopeFrom,
        IReadOnlyList<string> recipients,
        string envelopeId,
        CancellationToken cancellation)
    {
        var sender = new MailboxAddress("", envelopeFrom);
        var mailboxes = recipients.Select(r => new MailboxAddress("", r)).ToList();
        for (var tries = 1; ; tries++)
        {
            DeliveryClient client;
            try
            {
                client = await pool.RentAsync(target, credentials, fresh: tries > 1, cancellation);
            }
            catch (SmtpFailureException e)
            {
                return DeliveryReport.AllFailed(recipients, e.Failure);
            }

            var reused = client.Transactions > 0;
            client.BeginTransaction(envelopeId);
            try
            {
                var reply = await client.SendAsync(
                    FormatOptions.Default, message, sender, mailboxes, cancellation);
                return Report(recipients, client, null, $"250 {reply}".Trim());
            }
            catch (SmtpCommandException e) when (e.ErrorCode is SmtpErrorCode.SenderNotAccepted)
            {
                return DeliveryReport.AllFailed(recipients, SmtpFailures.ForCommand(e));
            }
            catch (SmtpCommandException e)
            {
                // Refused recipients keep their own replies; the rest share the refusal of DATA
                // (or MailKit's "no recipients were accepted", which then concerns none).
                return Report(recipients, client, SmtpFailures.ForCommand(e), null);
            }
            catch (Exception e) when (!cancellation.IsCancellationRequested
                && SmtpFailures.ForException(e, SmtpPhase.Transfer) is { } failure)
            {
                // A reused connection the server closed while idle fails before MAIL FROM is
                // answered; nothing was accepted, so one retry on a new connection is safe.
                if (reused && !client.SenderAccepted && tries == 1)
                {
                    continue;
                }

                return Report(recipients, client, failure, null);
            }
            finally
            {
                await pool.ReturnAsync(target, client);
            }
        }
    }

    private static DeliveryReport Report(
        IReadOnlyList<string> recipients,
        DeliveryClient client,
        SmtpFailure? failure,
        string? acceptedReply)
    {
        var outcomes = new List<RecipientOutcome>(recipients.Count);
        foreach (var recipient in recipients)
        {
            var refused = client.Refused.FirstOrDefault(r =>
                string.Equals(r.Address, recipient, StringComparison.OrdinalIgnoreCase));
            var outcome = refused.Response is { } response
                ? SmtpFailures.ForRecipient(response.StatusCode, response.Response)
                : failure;
            outcomes.Add(outcome is null
                ? new RecipientOutcome(recipient, OutcomeKind.Accepted, null, acceptedReply ?? "")
                : new RecipientOutcome(
                    recipient,
                    outcome.Transient ? OutcomeKind.Transient : OutcomeKind.Permanent,
                    outcome.Word,
                    outcome.Reply));
        }

        return new DeliveryReport(outcomes);
    }
}
