using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using NightPos.Dispatch.Contracts;
using NightPos.Dispatch.Delivery;
using NightPos.Dispatch.Messages;
using NightPos.Dispatch.Routing;
using NightPos.Servers.Contracts;

namespace NightPos.Dispatch.Tests.Delivery;

/// <summary>
/// The delivery edge built the way the host builds it, without a host: a connection pool and
/// a sender over real sockets, for tests that talk to SMTP peers directly.
/// </summary>
internal sealed class DeliveryEdge : IAsyncDisposable
{
    public DeliveryEdge(MailDeliveryOptions? options = null, DefaultServerOptions? defaults = null)
    {
        var settings = new DeliverySettings(Options.Create(options ?? new MailDeliveryOptions
        {
            CommandTimeout = "10s",
        }));
        Pool = new SmtpConnectionPool(
            settings,
            new CertificateValidator(settings, NullLogger<CertificateValidator>.Instance),
            Options.Create(defaults ?? new DefaultServerOptions()),
            TimeProvider.System,
            NullLogger<SmtpConnectionPool>.Instance);
        Sender = new SmtpSender(Pool);
    }

    public SmtpConnectionPool Pool { get; }

    public SmtpSender Sender { get; }

    public static SmtpTarget Target(
        int port,
        ServerEncryption encryption = ServerEncryption.None,
        SmtpLogin login = SmtpLogin.None,
        string? username = null,
        string host = "127.0.0.1",
        bool acceptInvalidCertificate = false) =>
        new(login is SmtpLogin.ServerPassword or SmtpLogin.ServerCertificate ? ServerId : null,
            host, port, encryption, login, username,
            AcceptInvalidCertificate: acceptInvalidCertificate);

    public static Guid ServerId { get; } = Guid.NewGuid();

    /// <summary>A routed message as delivery sees it, with the content it carries.</summary>
    public static (Message Message, MessageContent Content) Message(
        IReadOnlyList<string> to,
        string? text = "Hello.",
        string? html = null)
    {
        var id = MessageIds.New();
        var message = NightPos.Dispatch.Messages.Message.Create(new MessageQueued(
            MessageIds.MessageIdHeader(id, "company-name.nightpos.com"),
            null,
            "mary@company-name.nightpos.com",
            null,
            to.Select(a => new Recipient(a, null, RecipientKind.To)).ToList(),
            MailKind.Transactional,
            null,
            null,
            DateTimeOffset.UtcNow));
        message.Id = id;
        message.Apply(new MessageRouted(
            null,
            "default",
            "\"Mary\" <notifications@company-name.nightpos.com>",
            "bounce@company-name.nightpos.com",
            "catchall@company-name.nightpos.com",
            RoutingRule.DefaultServer,
            "test",
            []));
        var content = new MessageContent
        {
            Id = id,
            Subject = "Quotation",
            Text = text,
            Html = html,
        };
        return (message, content);
    }

    public Task<DeliveryReport> SendAsync(
        SmtpTarget target,
        IReadOnlyList<string> to,
        IServerCredentials? credentials = null,
        string? text = "Hello.")
    {
        var (message, content) = Message(to, text);
        return SendAsync(target, message, content, credentials);
    }

    public Task<DeliveryReport> SendAsync(
        SmtpTarget target,
        Message message,
        MessageContent content,
        IServerCredentials? credentials = null) =>
        Sender.SendAsync(
            target,
            credentials ?? new StaticCredentials(null),
            MimeMessageFactory.Create(message, content),
            message.EnvelopeFrom!,
            message.Pending.Select(r => r.Address).ToList(),
            message.Id.ToString("N"),
            CancellationToken.None);

    public ValueTask DisposeAsync() => Pool.DisposeAsync();
}
