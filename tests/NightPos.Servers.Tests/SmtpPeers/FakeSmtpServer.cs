using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Storage;

namespace NightPos.Servers.Tests.SmtpPeers;

/// <summary>
/// A real SMTP server on a free loopback port (the SmtpServer package, in-process), configured to
/// accept or refuse what a test needs, and recording the senders, recipients and messages it saw.
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Task _running;

    private FakeSmtpServer(int port, CancellationTokenSource stop, Task running, Recorder recorder)
    {
        Port = port;
        _stop = stop;
        _running = running;
        Seen = recorder;
    }

    public int Port { get; }

    public Recorder Seen { get; }

    /// <param name="login">The one username and password accepted; null offers no AUTH.</param>
    /// <param name="refusedSender">A sender refused at MAIL FROM.</param>
    /// <param name="certificate">
    /// Offers STARTTLS with it, or TLS on connect with <paramref name="sslOnConnect"/>.
    /// </param>
    public static async Task<FakeSmtpServer> StartAsync(
        (string Username, string Password)? login = null,
        string? refusedSender = null,
        X509Certificate2? certificate = null,
        bool sslOnConnect = false)
    {
        var port = FreePort();
        var recorder = new Recorder();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint =>
            {
                endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port))
                    .IsSecure(sslOnConnect)
                    .AllowUnsecureAuthentication(true)
                    .AuthenticationRequired(login is not null);
                if (certificate is not null)
                {
                    endpoint.Certificate(certificate);
                }
            })
            .Build();

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, _) => started.TrySetResult();

        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new DelegatingUserAuthenticator((user, password) =>
            login is { } l && user == l.Username && password == l.Password));
        services.Add(new DelegatingMailboxFilter(
            (context, from) =>
            {
                recorder.Senders.Enqueue(from.AsAddress());
                recorder.SendersOverTls.Enqueue(context.Pipe.IsSecure);
                return !string.Equals(
                    from.AsAddress(), refusedSender, StringComparison.OrdinalIgnoreCase);
            },
            (_, to, _) =>
            {
                recorder.Recipients.Enqueue(to.AsAddress());
                return true;
            }));
        services.Add(recorder);

        var server = new SmtpServer.SmtpServer(options, services);
        var stop = new CancellationTokenSource();
        var running = server.StartAsync(stop.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return new FakeSmtpServer(port, stop, running, recorder);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    /// <summary>A loopback port nothing listens on at the moment of asking.</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>What the server saw, in order.</summary>
    public sealed class Recorder : MessageStore
    {
        public ConcurrentQueue<string> Senders { get; } = new();

        public ConcurrentQueue<string> Recipients { get; } = new();

        /// <summary>For each MAIL FROM in <see cref="Senders"/>: was the session encrypted.</summary>
        public ConcurrentQueue<bool> SendersOverTls { get; } = new();

        public int MessagesStored { get; private set; }

        public override Task<SmtpServer.Protocol.SmtpResponse> SaveAsync(
            ISessionContext context,
            IMessageTransaction transaction,
            System.Buffers.ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            MessagesStored++;
            return Task.FromResult(SmtpServer.Protocol.SmtpResponse.Ok);
        }
    }
}
