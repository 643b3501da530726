using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Playwright;
using NightPos.Testing;

namespace NightPos.Admin.Tests;

/// <summary>
/// The real host as an operator runs it (its own process, Kestrel on a loopback port, a
/// database of its own, Postfix's smtp-sink as the default server), and Debian's Chromium driven
/// by Playwright. Shared by the assembly: one start costs a few seconds.
/// </summary>
public sealed class AdminSite : IAsyncLifetime
{
    /// <summary>Debian's package; Playwright never downloads a browser here (ADR 0016).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly ConcurrentQueue<string> _output = new();
    private Process? _host;
    private IPlaywright? _playwright;
    private string _database = "";

    public PostfixSmtpSink Smtp { get; private set; } = null!;

    public Uri Address { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath),
            $"{ChromiumPath} is missing: install Debian's chromium (scripts/test installs it).");
        Smtp = await PostfixSmtpSink.StartAsync();
        _database = await TestPostgres.CreateDatabaseAsync("admin");
        var port = PostfixSmtpSink.FreePort();
        Address = new Uri($"http://127.0.0.1:{port}");
        await StartHostAsync(port);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,

            // Chromium's sandbox needs user namespaces that containers and root lack.
            Args = ["--no-sandbox"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }

        _host?.Kill(entireProcessTree: true);
        _host?.WaitForExit();
        _host?.Dispose();
        Smtp?.Dispose();
        if (_database.Length > 0)
        {
            await TestPostgres.DropDatabaseAsync(_database);
        }
    }

    /// <summary>A fresh browser context at <paramref name="width"/> pixels, signed out.</summary>
    public async Task<IPage> OpenAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/");
        return page;
    }

    /// <summary>What the host said, for a failure message.</summary>
    public string Output => string.Join('\n', _output.TakeLast(40));

    private async Task StartHostAsync(int port)
    {
        var start = new ProcessStartInfo("dotnet", [HostAssembly.Path()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var name in start.Environment.Keys
            .Where(k => k.StartsWith("NIGHTPOS", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        var environment = new Dictionary<string, string>
        {
            ["NIGHTPOS_POSTGRES"] = _database,
            ["NightPos__Auth__AdminKey"] = TestKeys.Admin,
            ["NightPos__Auth__AuditorKey"] = TestKeys.Auditor,
            ["NightPos__Auth__SenderKey"] = TestKeys.Sender,
            ["NightPos__Secrets__MasterKey"] = TestKeys.MasterKey,
            ["NightPos__DefaultServer__Host"] = "127.0.0.1",
            ["NightPos__DefaultServer__Port"] = Smtp.Port.ToString(),
            ["NightPos__DefaultServer__Encryption"] = "none",
            ["NightPos__Servers__AllowPort25"] = "false",
            ["ASPNETCORE_URLS"] = Address.ToString().TrimEnd('/'),
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        _host = Process.Start(start)!;
        _host.OutputDataReceived += (_, e) => Keep(e.Data);
        _host.ErrorDataReceived += (_, e) => Keep(e.Data);
        _host.BeginOutputReadLine();
        _host.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = Address };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await HealthyAsync(client))
        {
            if (_host.HasExited)
            {
                Assert.Fail($"The host exited with {_host.ExitCode}: {Output}");
            }

            Assert.True(DateTime.UtcNow < deadline, $"The host was not healthy in 60 s: {Output}");
            await Task.Delay(100);
        }
    }

    private static async Task<bool> HealthyAsync(HttpClient client)
    {
        try
        {
            return (await client.GetAsync("/health")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
