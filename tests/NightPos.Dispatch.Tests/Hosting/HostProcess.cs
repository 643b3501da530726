using System.Diagnostics;
using System.Net.Http.Headers;
using NightPos.Dispatch.Tests.Peers;
using NightPos.Testing;

namespace NightPos.Dispatch.Tests.Hosting;

/// <summary>
/// The real host as an operating-system process, started the way an operator starts it, so
/// that a test can kill it without warning (SIGKILL) and start it again on the same database.
/// </summary>
public sealed class HostProcess : IDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();
    private Process? _process;

    public HostProcess(string database, int smtpPort)
    {
        Port = Loopback.FreePort();
        _environment = new Dictionary<string, string>
        {
            ["NIGHTPOS_POSTGRES"] = database,
            ["NightPos__Auth__AdminKey"] = TestKeys.Admin,
            ["NightPos__Auth__AuditorKey"] = TestKeys.Auditor,
            ["NightPos__Auth__SenderKey"] = TestKeys.Sender,
            ["NightPos__Secrets__MasterKey"] = TestKeys.MasterKey,
            ["NightPos__DefaultServer__Host"] = "127.0.0.1",
            ["NightPos__DefaultServer__Port"] = smtpPort.ToString(),
            ["NightPos__DefaultServer__Encryption"] = "none",
            ["NightPos__DailyLimit"] = "1000000",
            ["NightPos__Delivery__RetryDelays"] = "1s",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Port}",
            ["Logging__LogLevel__Default"] = "Warning",
        };
    }

    public int Port { get; }

    public HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}") };
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", TestKeys.Sender);
        return client;
    }

    /// <summary>Starts the host and waits until <c>/health</c> answers 200.</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet", [HostAssembly.Path()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var variable in start.Environment.Keys.ToList())
        {
            if (variable.StartsWith("NIGHTPOS", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(variable);
            }
        }

        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var client = Client();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (_process.HasExited)
            {
                var said = string.Join('\n', _output);
                Assert.Fail($"The host exited with {_process.ExitCode}: {said}");
            }

            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            Assert.True(DateTime.UtcNow < deadline, "The host did not become healthy in 60 s.");
            await Task.Delay(100);
        }
    }

    /// <summary>SIGKILL: no shutdown hook runs, nothing is flushed.</summary>
    public void Kill()
    {
        _process?.Kill(entireProcessTree: true);
        _process?.WaitForExit();
        _process?.Dispose();
        _process = null;
    }

    public void Dispose() => Kill();

    // The host's last words, for a failure message.
    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 40 && _output.TryDequeue(out _))
        {
        }
    }
}
