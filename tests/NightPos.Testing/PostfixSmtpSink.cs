using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NightPos.Admin.Tests;

/// <summary>
/// Postfix's <c>smtp-sink</c> on a free loopback port: a real SMTP server that accepts every
/// sender and recipient and discards the mail, enough for a connection test and a delivery.
/// </summary>
public sealed class SmtpSink : IDisposable
{
    private const string Program = "/usr/sbin/smtp-sink";
    private readonly Process _process;

    private SmtpSink(int port, Process process)
    {
        Port = port;
        _process = process;
    }

    public int Port { get; }

    public static async Task<SmtpSink> StartAsync()
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

        start.ArgumentList.Add($"127.0.0.1:{port}");
        start.ArgumentList.Add("64");
        var sink = new SmtpSink(port, Process.Start(start)!);
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
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
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
