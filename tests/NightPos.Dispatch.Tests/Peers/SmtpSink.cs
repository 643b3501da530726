using System.Diagnostics;

namespace NightPos.Dispatch.Tests.Peers;

/// <summary>
/// Postfix's <c>smtp-sink</c> on a free loopback port, with its fault options (STACK-NOTES): a
/// real server that drops the connection after a chosen command (<c>-q</c>), answers 4xx or
/// 5xx to it (<c>-r</c>, <c>-f</c>), and never offers STARTTLS.
/// </summary>
public sealed class SmtpSink : IDisposable
{
    private const string Program = "/usr/sbin/smtp-sink";

    private readonly Process _process;

    private SmtpSink(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public static async Task<SmtpSink> StartAsync(params string[] options)
    {
        Assert.True(File.Exists(Program), $"{Program} is missing: apt-get install -y postfix");
        var port = Loopback.FreePort();
        var start = new ProcessStartInfo(Program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-u", "nobody" }.Concat(options))
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add($"127.0.0.1:{port}");
        start.ArgumentList.Add("64");

        var sink = new SmtpSink(Process.Start(start)!, port);
        await Loopback.WaitUntilListeningAsync(port, () => !sink._process.HasExited);
        return sink;
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

}
