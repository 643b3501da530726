using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NightPos.Testing;

/// <summary>
/// Postfix's <c>smtp-sink</c> on a free loopback port: a real SMTP server that accepts every
/// sender and recipient and discards the mail, never offers STARTTLS, and with its fault options
/// (STACK-NOTES) drops the connection after a chosen command (<c>-q</c>, <c>-Q</c>) or answers
/// 4xx or 5xx to it (<c>-r</c>, <c>-f</c>). A counting sink (<see cref="StartCountingAsync"/>)
/// also reads the running count of messages it accepted.
/// </summary>
public sealed class PostfixSmtpSink : IDisposable
{
    private const string Program = "/usr/sbin/smtp-sink";
    private readonly Process _process;
    private long _accepted;

    private PostfixSmtpSink(int port, Process process)
    {
        Port = port;
        _process = process;
    }

    public int Port { get; }

    /// <summary>Messages accepted so far; counted only by a counting sink.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    public static Task<PostfixSmtpSink> StartAsync(params string[] options) =>
        StartCoreAsync(counting: false, options);

    /// <summary>A sink that prints its running counter (<c>-c</c>) and has it read.</summary>
    public static Task<PostfixSmtpSink> StartCountingAsync(params string[] options) =>
        StartCoreAsync(counting: true, options);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until <paramref name="count"/> messages are accepted beyond a mark.</summary>
    public async Task WaitForAsync(long mark, int count, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (Accepted < mark + count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"Only {Accepted - mark} of {count} emails reached the sink in {within}.");
            }

            await Task.Delay(5);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }

    private static async Task<PostfixSmtpSink> StartCoreAsync(bool counting, string[] options)
    {
        Assert.True(File.Exists(Program),
            $"{Program} is missing: install postfix (scripts/test installs it).");
        var port = FreePort();
        var start = new ProcessStartInfo(Program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = counting,
        };

        // smtp-sink refuses to keep root's privileges (postfix's smtp-sink(1), -u).
        if (Environment.UserName == "root")
        {
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add("nobody");
        }

        if (counting)
        {
            start.ArgumentList.Add("-c");
        }

        foreach (var option in options)
        {
            start.ArgumentList.Add(option);
        }

        start.ArgumentList.Add($"127.0.0.1:{port}");
        start.ArgumentList.Add("256");
        var sink = new PostfixSmtpSink(port, Process.Start(start)!);
        if (counting)
        {
            _ = Task.Run(sink.ReadCounterAsync);
        }

        await sink.WaitUntilListeningAsync();
        return sink;
    }

    // smtp-sink -c rewrites one line, "sess=N quit=N mesg=N", ending each with a CR.
    private async Task ReadCounterAsync()
    {
        var reader = _process.StandardOutput;
        var line = new StringBuilder();
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] is '\r' or '\n')
                {
                    Count(line.ToString());
                    line.Clear();
                }
                else
                {
                    line.Append(buffer[i]);
                }
            }
        }
    }

    private void Count(string line)
    {
        var at = line.IndexOf("mesg=", StringComparison.Ordinal);
        if (at >= 0 && long.TryParse(line[(at + 5)..], out var messages))
        {
            Interlocked.Exchange(ref _accepted, messages);
        }
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(20);
            }
        }
    }
}
