using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace NightPos.Notifications.Tests;

/// <summary>
/// An SMTP server on a free loopback port (the SmtpServer library) that accepts every message
/// and keeps it as received, with its envelope recipients: the mail server the customer and
/// the users read their notification emails from.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    private SmtpSink(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("notifications-test-sink")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new ServiceProvider();
        services.Add(new Store(this));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public ConcurrentQueue<(IReadOnlyList<string> Recipients, MimeMessage Message)> Received
    {
        get;
    } = new();

    public static async Task<SmtpSink> StartAsync()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var sink = new SmtpSink(port);
        await Eventually.Until(sink.AcceptsAsync, up => up, TimeSpan.FromSeconds(10),
            "the SMTP sink to listen");
        return sink;
    }

    /// <summary>The messages received for one address, in arrival order.</summary>
    public IReadOnlyList<MimeMessage> For(string address) =>
        Received.Where(r => r.Recipients.Contains(address, StringComparer.OrdinalIgnoreCase))
            .Select(r => r.Message)
            .ToList();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task<bool> AcceptsAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context,
            IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            var message = await MimeMessage.LoadAsync(
                new MemoryStream(buffer.ToArray()), cancellationToken);
            var recipients = transaction.To.Select(m => $"{m.User}@{m.Host}").ToList();
            sink.Received.Enqueue((recipients, message));
            return SmtpResponse.Ok;
        }
    }
}
