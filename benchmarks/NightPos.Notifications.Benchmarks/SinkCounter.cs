using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NightPos.Notifications.Benchmarks;

/// <summary>
/// Postfix's <c>smtp-sink</c> on a free loopback port, the local sink every email of the
/// benchmark is accepted by, with its running counter (<c>-c</c>) read as it prints it, so
/// that the benchmark knows when the last email was accepted.
/// </summary>
internal sealed class SinkCounter : IDisposable
{
    private const string Program = "/usr/sbin/smtp-sink";

    private readonly Process _process;
    private long _accepted;

    private SinkCounter(Process process, int port)
    {
        _process = process;
        Port = port;
        _ = Task.Run(ReadCounterAsync);
    }

    public int Port { get; }

    public long Accepted => Interlocked.Read(ref _accepted);

    public static async Task<SinkCounter> StartAsync()
    {
        if (!File.Exists(Program))
        {
            throw new InvalidOperationException(
                $"{Program} is missing: apt-get install -y postfix");
        }

        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo(Program)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-u", "nobody", "-c", $"127.0.0.1:{port}", "256" })
        {
            start.ArgumentList.Add(argument);
        }

        var sink = new SinkCounter(Process.Start(start)!, port);
        await sink.WaitUntilListeningAsync();
        return sink;
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
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process.Dispose();
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
