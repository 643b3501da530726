using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace NightPos.Dispatch.Tests.Peers;

/// <summary>
/// A real SMTP server on a free loopback port (the SmtpServer library), scripted per test: it
/// can refuse chosen recipients or the DATA of the first transactions with a reply of the
/// test's choosing, offer STARTTLS or implicit TLS, and require a login. It keeps every message
/// it accepted byte for byte as it came off the wire. Tests sharing one server each script a
/// recipient domain of their own (<see cref="Script"/>), so that they can run side by side.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private int _transactions;
    private int _sessions;

    private TestSmtpServer(Options options)
    {
        Port = options.Port ?? Loopback.FreePort();
        var builder = new SmtpServerOptionsBuilder()
            .ServerName("test-smtp")
            .MaxRetryCount(1000)
            .Endpoint(e =>
            {
                e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port));
                if (options.Certificate is { } certificate)
                {
                    e.Certificate(certificate).IsSecure(options.ImplicitTls);
                }

                if (options.Login is not null)
                {
                    e.AuthenticationRequired().AllowUnsecureAuthentication();
                }
            });

        var services = new ServiceProvider();
        services.Add(new Filter(this));
        services.Add(new Store(this));
        if (options.Login is { } login)
        {
            services.Add(new DelegatingUserAuthenticator((_, user, password) =>
                user == login.User && password == login.Password));
        }

        var server = new SmtpServer.SmtpServer(builder.Build(), services);
        server.SessionCreated += (_, _) => Interlocked.Increment(ref _sessions);
        _running = server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>
    /// Connections the server has taken, so that tests can see connections reused.
    /// </summary>
    public int Sessions => Volatile.Read(ref _sessions);

    public ConcurrentQueue<ReceivedMessage> Received { get; } = new();

    /// <summary>
    /// A reply for RCPT TO of a recipient (e.g. 550 for one of three), or null to accept.
    /// </summary>
    public Func<string, SmtpResponse?> RecipientReply { get; set; } = _ => null;

    /// <summary>A reply after DATA for the n-th transaction (from 1), or null to accept.</summary>
    public Func<int, SmtpResponse?> DataReply { get; set; } = _ => null;

    private ConcurrentDictionary<string, DomainScript> Scripts { get; } = new();

    /// <summary>
    /// Scripts the replies for mail to a recipient domain: <paramref name="data"/> gets the
    /// number of the domain's transaction (from 1). Answers the messages received for it.
    /// </summary>
    public Func<IReadOnlyList<ReceivedMessage>> Script(
        string domain,
        Func<string, SmtpResponse?>? recipient = null,
        Func<int, SmtpResponse?>? data = null)
    {
        Scripts[domain] = new DomainScript(recipient ?? (_ => null), data ?? (_ => null));
        return () => Received.Where(m => m.Recipients.Any(r => r.EndsWith("@" + domain))).ToList();
    }

    public static async Task<TestSmtpServer> StartAsync(
        X509Certificate2? certificate = null,
        bool implicitTls = false,
        (string User, string Password)? login = null)
    {
        var server = new TestSmtpServer(new Options(certificate, implicitTls, login, null));
        await server.WaitUntilListeningAsync();
        return server;
    }

    /// <summary>A plain server on a given port, e.g. one that comes back after an outage.</summary>
    public static async Task<TestSmtpServer> StartOnAsync(int port)
    {
        var server = new TestSmtpServer(new Options(null, false, null, port));
        await server.WaitUntilListeningAsync();
        return server;
    }

    public static SmtpResponse Reply(int code, string text) => new((SmtpReplyCode)code, text);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task WaitUntilListeningAsync()
    {
        await Loopback.WaitUntilListeningAsync(Port);

        // The probe's connection is no session of the test's.
        Interlocked.Decrement(ref _sessions);
    }

    private sealed record Options(
        X509Certificate2? Certificate,
        bool ImplicitTls,
        (string User, string Password)? Login,
        int? Port);

    private sealed class DomainScript(
        Func<string, SmtpResponse?> recipient,
        Func<int, SmtpResponse?> data)
    {
        private int _transactions;

        public Func<string, SmtpResponse?> Recipient { get; } = recipient;

        public Func<int, SmtpResponse?> Data { get; } = data;

        public int NextTransaction() => Interlocked.Increment(ref _transactions);
    }

    private sealed class Filter(TestSmtpServer server) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(
            ISessionContext context,
            IMailbox from,
            int size,
            CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(
            ISessionContext context,
            IMailbox to,
            IMailbox from,
            CancellationToken cancellationToken)
        {
            var reply = server.Scripts.TryGetValue(to.Host, out var script)
                ? script.Recipient($"{to.User}@{to.Host}")
                : server.RecipientReply($"{to.User}@{to.Host}");
            return reply is null ? Task.FromResult(true) : throw new SmtpResponseException(reply);
        }
    }

    private sealed class Store(TestSmtpServer server) : IMessageStore
    {
        public Task<SmtpResponse> SaveAsync(
            ISessionContext context,
            IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            var number = Interlocked.Increment(ref server._transactions);
            var domain = transaction.To.Select(t => t.Host).FirstOrDefault() ?? "";
            var refusal = server.Scripts.TryGetValue(domain, out var script)
                ? script.Data(script.NextTransaction())
                : server.DataReply(number);
            if (refusal is not null)
            {
                return Task.FromResult(refusal);
            }

            server.Received.Enqueue(new ReceivedMessage(
                $"{transaction.From.User}@{transaction.From.Host}",
                transaction.To.Select(t => $"{t.User}@{t.Host}").ToList(),
                buffer.ToArray(),
                context.Pipe.IsSecure));
            return Task.FromResult(
                new SmtpResponse(SmtpReplyCode.Ok, $"2.0.0 Ok: queued as T{number}"));
        }
    }
}
