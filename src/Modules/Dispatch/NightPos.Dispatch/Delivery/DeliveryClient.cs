using MailKit.Net.Smtp;
using MimeKit;

namespace NightPos.Dispatch.Delivery;

/// <summary>
/// A MailKit client that keeps going when some recipients are refused (SPEC R11: a failure of
/// one recipient does not fail the others) and remembers each recipient's reply.
/// </summary>
public sealed class DeliveryClient : SmtpClient
{
    private readonly List<(string Address, SmtpResponse Response)> _refused = [];

    public DeliveryClient(DateTimeOffset openedAt) => OpenedAt = openedAt;

    public DateTimeOffset OpenedAt { get; }

    public DateTimeOffset LastUsedAt { get; set; }

    /// <summary>Messages sent on this connection; a reused one proves the pool works.</summary>
    public int Transactions { get; private set; }

    /// <summary>True once MAIL FROM was accepted in the current transaction.</summary>
    public bool SenderAccepted { get; private set; }

    public IReadOnlyList<(string Address, SmtpResponse Response)> Refused => _refused;

    /// <summary>The DSN envelope id (RFC 3461 ENVID) given when the server supports DSN.</summary>
    public string? EnvelopeId { get; private set; }

    public void BeginTransaction(string envelopeId)
    {
        _refused.Clear();
        SenderAccepted = false;
        EnvelopeId = envelopeId;
        Transactions++;
    }

    protected override string? GetEnvelopeId(MimeMessage message) => EnvelopeId;

    protected override void OnSenderAccepted(
        MimeMessage message,
        MailboxAddress mailbox,
        SmtpResponse response) => SenderAccepted = true;

    protected override void OnRecipientNotAccepted(
        MimeMessage message,
        MailboxAddress mailbox,
        SmtpResponse response) => _refused.Add((mailbox.Address, response));
}
