using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NightPos.Testing;

/// <summary>
/// Postfix's <c>smtp-sink</c> on a free loopback port: a real SMTP server that accepts every
/// sender and recipient and discards the mail, never offers STARTTLS, and with its fault options
/// (STACK-NOTES) drops the connection after a chosen command (<c>-q</c>, <c>-Q</c>) or answers
/// 4xx or 5xx to it (<c>-r</c>, <c>-f</c>).
/// </summary>
public sealed class PostfixSmtpSink : IDisposable
{
    private const string Program = "/usr/sbin/smtp-sink";
    private readonly Process _process;

    private PostfixSmtpSink(int port, Process process)
    {
        Port = port;
        _process = process;
    }

    public int Port { get; }

    public static async Task<PostfixSmtpSink> StartAsync(params string[] options)
    {
        Assert.True(File.Exists(Program),
            $"{Program} is missing: install postfix (scripts/test installs it).");
        var port = FreePort();
        var start = new ProcessStartInfo(Program) { UseShellExecute = false };

        // smtp-sink refuses to keep root's privileges (postfix's smtp-sink(1), -u).
        if (Environment.UserName == "root")
        {
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add("nobody");
        }

        foreach (var option in options)
        {
            start.ArgumentList.Add(option);
        }

        start.ArgumentList.Add($"127.0.0.1:{port}");
        start.ArgumentList.Add("64");
        var sink = new PostfixSmtpSink(port, Process.Start(start)!);
        await sink.WaitUntilListeningAsync();
        return sink;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
                await Task.Delay(50);
            }
        }
    }
}
