using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using Npgsql;

namespace NightPos.Dispatch.Load;

/// <summary>
/// The host as an operator runs it, on a fresh database of the benchmark's cluster, with a
/// number of outgoing servers configured through its API, all pointing at the sink. The load
/// is POST /api/messages from concurrent clients; a message counts when its
/// <c>message_dispatched</c> event is stored.
/// </summary>
public sealed class HostRun(LoadOptions options, int servers) : IAsyncDisposable
{
    private const string AdminKey = "load-admin-key-0123456789abcdef";
    private const string SenderKey = "load-sender-key-0123456789abcdef";

    private readonly string _database = $"nightpos_load_{servers}";
    private readonly int _port = FreePort();
    private NpgsqlDataSource? _admin;
    private NpgsqlDataSource? _hostData;
    private Process? _process;

    public async Task<Measurement> RunAsync()
    {
        _admin = NpgsqlDataSource.Create(options.Postgres);
        await using (var drop = _admin.CreateCommand(
            $"drop database if exists {_database} with (force)"))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await using (var create = _admin.CreateCommand($"create database {_database}"))
        {
            await create.ExecuteNonQueryAsync();
        }

        var connection = new NpgsqlConnectionStringBuilder(
            options.Postgres + (options.ConnectionOptions is { } extra ? $";{extra}" : ""))
        {
            Database = _database,
        }.ConnectionString;
        _hostData = NpgsqlDataSource.Create(connection);
        var counters = new DatabaseCounters(_admin, _hostData, _database);

        _process = Start(connection);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}") };
        await WaitUntilHealthyAsync(http);
        await AddServersAsync(http);

        // Tiered JIT, connection pools and the routing table warm up before the clock starts:
        // with 200 messages of warm-up a host a few seconds old measured half its steady rate.
        var warmup = options.Warmup;
        await SendAsync(http, 0, warmup);
        await WaitForDispatchedAsync(counters, warmup);

        var (commits, walSyncs) = await counters.ReadAsync();
        var hostCpu = ProcessCost.CpuOfTree(_process.Id);
        var clock = Stopwatch.StartNew();
        await SendAsync(http, warmup, options.Messages);
        var intake = clock.Elapsed;
        await WaitForDispatchedAsync(counters, warmup + options.Messages);
        var elapsed = clock.Elapsed;
        var cpu = ProcessCost.CpuOfTree(_process.Id) - hostCpu;

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var (commitsAfter, walSyncsAfter) = await counters.ReadAsync();
        return new Measurement(
            $"NightPOS host, {servers:N0} servers"
                + (options.ConnectionOptions is { } tuned ? $" ({tuned})" : ""),
            options.Messages,
            elapsed,
            IntakePerSecond: options.Messages / intake.TotalSeconds,
            PeakRssMegabytes: ProcessCost.PeakRssMegabytes(_process),
            CpuMillisecondsPerMessage: cpu.TotalMilliseconds / options.Messages,
            CommitsPerMessage: (commitsAfter - commits) / (double)options.Messages,
            WalSyncsPerMessage: (walSyncsAfter - walSyncs) / (double)options.Messages);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        if (_hostData is not null)
        {
            await _hostData.DisposeAsync();
        }

        if (_admin is not null)
        {
            await using (var drop = _admin.CreateCommand(
                $"drop database if exists {_database} with (force)"))
            {
                await drop.ExecuteNonQueryAsync();
            }

            await _admin.DisposeAsync();
        }
    }

    private Process Start(string connection)
    {
        var start = new ProcessStartInfo("dotnet", [options.HostAssembly])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["NIGHTPOS_POSTGRES"] = connection;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{_port}";
        start.Environment["NightPos__Auth__AdminKey"] = AdminKey;
        start.Environment["NightPos__Auth__AuditorKey"] = "load-auditor-key-0123456789abcdef";
        start.Environment["NightPos__Auth__SenderKey"] = SenderKey;
        start.Environment["NightPos__Secrets__MasterKey"] =
            Convert.ToBase64String(new byte[32]);
        start.Environment["NightPos__DefaultServer__Host"] = "127.0.0.1";
        start.Environment["NightPos__DefaultServer__Port"] = options.SinkPort.ToString();
        start.Environment["NightPos__DefaultServer__Encryption"] = "none";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__Console__LogToStandardErrorThreshold"] = "Warning";

        var process = Process.Start(start)!;
        // Standard output carries the command runner's start-up chatter; warnings and errors
        // of the host's logging go to standard error.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => Echo(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitUntilHealthyAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException(
                    $"The host exited with {_process.ExitCode} before it was healthy.");
            }

            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The host was not healthy after 90 s.");
            }

            await Task.Delay(200);
        }
    }

    // Each server's FROM filter is a domain of its own; the load's author matches the last
    // one, so that a linear scan would have to walk the whole list.
    private async Task AddServersAsync(HttpClient http)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < servers;
                i = Interlocked.Increment(ref next))
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/servers")
                {
                    Content = JsonContent.Create(new
                    {
                        name = $"load {i:D5}",
                        host = "127.0.0.1",
                        port = options.SinkPort,
                        encryption = "none",
                        authentication = "login",
                        fromFilter = $"d{i}.load.example",
                    }),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
                using var response = await http.SendAsync(request);
                await Expect(response, HttpStatusCode.Created);
            }
        }));
    }

    private async Task SendAsync(HttpClient http, int first, int count)
    {
        var next = first - 1;
        var end = first + count;
        await Task.WhenAll(Enumerable.Range(0, options.Senders).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < end;
                i = Interlocked.Increment(ref next))
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
                {
                    Content = JsonContent.Create(new
                    {
                        from = Sample.Author(servers - 1),
                        to = new[] { Sample.Recipient(i) },
                        subject = Sample.Subject,
                        text = Sample.Text,
                    }),
                };
                request.Headers.Authorization =
                    new AuthenticationHeaderValue("Bearer", SenderKey);
                using var response = await http.SendAsync(request);
                await Expect(response, HttpStatusCode.Accepted);
            }
        }));
    }

    private static async Task WaitForDispatchedAsync(DatabaseCounters counters, int total)
    {
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            var (dispatched, notSent) = await counters.DeliveriesAsync();
            if (notSent > 0)
            {
                throw new InvalidOperationException(
                    $"{notSent} attempts were deferred or failed: the sink refused mail.");
            }

            if (dispatched >= total)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Only {dispatched} of {total} sent in 10 minutes.");
            }

            await Task.Delay(50);
        }
    }

    private static async Task Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new InvalidOperationException(
                $"{response.RequestMessage!.RequestUri} answered {(int)response.StatusCode}: "
                + body);
        }
    }

    // The host's own warnings and errors stay visible: a run with any is suspect.
    private static void Echo(string? line)
    {
        if (!string.IsNullOrWhiteSpace(line))
        {
            Console.Error.WriteLine($"  host: {line}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
