using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Alba;
using NightPos.Testing;

namespace NightPos.Host.Tests.Commands;

/// <summary>
/// What the command tests share: the host's commands run as processes against the database of
/// a test host, and the calls that set up what they read.
/// </summary>
public static class CommandLine
{
    public const string ServerPassword = "cli-test-password-never-printed";

    public static Dictionary<string, string> Environment(
        NightPosApp app,
        string masterKey = TestKeys.MasterKey) => new()
    {
        ["NIGHTPOS_POSTGRES"] = app.ConnectionString,
        ["NightPos__Auth__AdminKey"] = TestKeys.Admin,
        ["NightPos__Auth__AuditorKey"] = TestKeys.Auditor,
        ["NightPos__Auth__SenderKey"] = TestKeys.Sender,
        ["NightPos__Secrets__MasterKey"] = masterKey,
    };

    public static Task<(int ExitCode, string Output, string Error)> RunAsync(
        IReadOnlyDictionary<string, string> environment,
        params string[] arguments) =>
        HostProcess.RunAsync(environment, arguments);

    /// <summary>The value after a label such as <c>rule</c>, on the line it starts.</summary>
    public static string Field(string output, string label) =>
        output.Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .First(line => line.StartsWith(label + " ", StringComparison.Ordinal))[label.Length..]
            .Trim();

    public static async Task<Guid> AddServerAsync(IAlbaHost host, string name, string fromFilter)
    {
        var result = await host.Scenario(s =>
        {
            s.Post.Json(new
            {
                name,
                host = "smtp.example.com",
                port = 587,
                encryption = "starttls",
                authentication = "login",
                username = "cli",
                password = ServerPassword,
                fromFilter,
            }).ToUrl("/api/servers");
            s.AsAdmin();
            s.StatusCodeShouldBe(201);
        });
        return (await result.ReadAsJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Postfix's <c>smtp-sink</c> on a free loopback port: a real SMTP server.</summary>
public sealed class SmtpSink : IDisposable
{
    private const string Program = "/usr/sbin/smtp-sink";

    private readonly Process _process;

    public SmtpSink()
    {
        Assert.True(File.Exists(Program), $"{Program} is missing: apt-get install -y postfix");
        Port = CommandLine.FreePort();
        var start = new ProcessStartInfo(Program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-u", "nobody", $"127.0.0.1:{Port}", "64" })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start)!;
        var listening = SpinWait.SpinUntil(
            () => _process.HasExited || CanConnect(Port), TimeSpan.FromSeconds(15));
        Assert.True(listening && !_process.HasExited, "smtp-sink did not start listening.");
    }

    public int Port { get; }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }

    private static bool CanConnect(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
