using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NightPos.Reliability.Tests;

/// <summary>
/// A bare SMTP server on a free loopback port that keeps the DATA of each transaction exactly
/// as the bytes came off the wire, dot-stuffing and line ends included (a library server undoes
/// both before a test can look), and every command line it was sent. It offers no extension at
/// all: no STARTTLS, no PIPELINING, no CHUNKING, no 8BITMIME.
/// </summary>
internal sealed class RawSmtpPeer : IAsyncDisposable
{
    private static readonly byte[] EndOfData = "\r\n.\r\n"u8.ToArray();

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    private RawSmtpPeer()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>Each transaction's DATA, up to and without the final <c>CRLF . CRLF</c>.</summary>
    public ConcurrentQueue<byte[]> Data { get; } = new();

    /// <summary>Every command line received, in order, without its CRLF.</summary>
    public ConcurrentQueue<string> Commands { get; } = new();

    public static RawSmtpPeer Start() => new();

    /// <summary>Removes the transparency dots of RFC 5321 4.5.2 from raw DATA.</summary>
    public static string Unstuff(byte[] data) =>
        string.Join("\r\n", Encoding.ASCII.GetString(data).Split("\r\n")
            .Select(line => line.StartsWith('.') ? line[1..] : line));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        await using var stream = client.GetStream();
        try
        {
            await WriteAsync(stream, "220 raw-peer ESMTP");
            while (await ReadLineAsync(stream) is { } line)
            {
                Commands.Enqueue(line);
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO" or "HELO":
                        await WriteAsync(stream, "250 raw-peer");
                        break;
                    case "MAIL" or "RCPT" or "RSET" or "NOOP":
                        await WriteAsync(stream, "250 2.0.0 Ok");
                        break;
                    case "DATA":
                        await WriteAsync(stream, "354 End data with <CR><LF>.<CR><LF>");
                        Data.Enqueue(await ReadDataAsync(stream));
                        await WriteAsync(stream, $"250 2.0.0 Ok: queued as R{Data.Count}");
                        break;
                    case "QUIT":
                        await WriteAsync(stream, "221 2.0.0 Bye");
                        return;
                    default:
                        await WriteAsync(stream, "502 5.5.2 Command not recognised");
                        break;
                }
            }
        }
        catch (IOException)
        {
        }
    }

    private static async Task WriteAsync(NetworkStream stream, string reply) =>
        await stream.WriteAsync(Encoding.ASCII.GetBytes(reply + "\r\n"));

    private async Task<string?> ReadLineAsync(NetworkStream stream)
    {
        var line = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one, _stop.Token) == 1)
        {
            line.Add(one[0]);
            if (line.Count >= 2 && line[^2] == '\r' && line[^1] == '\n')
            {
                return Encoding.ASCII.GetString(line.ToArray(), 0, line.Count - 2);
            }
        }

        return null;
    }

    // DATA ends at the first CRLF . CRLF, a lone "." on the first line included (RFC 5321
    // 4.1.1.4): reading starts as if a CRLF came just before.
    private async Task<byte[]> ReadDataAsync(NetworkStream stream)
    {
        var data = new List<byte>("\r\n"u8.ToArray());
        var one = new byte[1];
        while (await stream.ReadAsync(one, _stop.Token) == 1)
        {
            data.Add(one[0]);
            if (EndsWithEndOfData(data))
            {
                var length = Math.Max(0, data.Count - 2 - EndOfData.Length);
                return data.Skip(2).Take(length).ToArray();
            }
        }

        throw new IOException("The connection closed inside DATA.");
    }

    private static bool EndsWithEndOfData(List<byte> data)
    {
        if (data.Count < EndOfData.Length)
        {
            return false;
        }

        for (var i = 1; i <= EndOfData.Length; i++)
        {
            if (data[^i] != EndOfData[^i])
            {
                return false;
            }
        }

        return true;
    }
}
