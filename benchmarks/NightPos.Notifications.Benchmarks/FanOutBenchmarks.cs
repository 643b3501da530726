using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NightPos.Dispatch.Contracts;
using NightPos.Notifications.Threads;
using NightPos.Testing;
using Wolverine;

namespace NightPos.Notifications.Benchmarks;

/// <summary>
/// One post to a thread of 10,000 followers, half notified by email and half by inbox entry,
/// measured until the last notification email is accepted by a local SMTP sink; beside it, as
/// many plain sends through Dispatch into the same sink, and a post to 5,000 inbox followers
/// alone (its entries are written when the post's request returns). The real host, PostgreSQL
/// at its durable defaults and Postfix's smtp-sink, in the same run (docs/benchmarks.md).
/// </summary>
[Config(typeof(MonitoringConfig))]
public class FanOutBenchmarks
{
    public const int Followers = 10_000;
    public const int Emails = Followers / 2;

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    private PostfixSmtpSink _sink = null!;
    private NightPosApp _app = null!;
    private HttpClient _client = null!;
    private Guid _mixedThread;
    private Guid _inboxThread;
    private int _iteration;
    private long _mark;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        // The test host looks for the host's folder the way a test project tells it; this is
        // no test project, so it is told here.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_NIGHTPOS_HOST",
            HostFolder());
        _sink = await PostfixSmtpSink.StartCountingAsync();
        _app = await NightPosApp.StartAsync(builder =>
        {
            builder.UseSetting("NightPos:DefaultServer:Host", "127.0.0.1");
            builder.UseSetting("NightPos:DefaultServer:Port", _sink.Port.ToString());
            builder.UseSetting("NightPos:DefaultServer:Encryption", "none");
            builder.UseSetting("NightPos:DailyLimit", "100000000");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        await RequireDurableServerAsync(_app.ConnectionString);
        _client = _app.Host.Server.CreateClient();
        _client.DefaultRequestHeaders.Authorization = new("Bearer", TestKeys.Sender);

        _mixedThread = await OpenThreadAsync("mixed", i => i % 2 == 0
            ? NotificationChannel.Email
            : NotificationChannel.Inbox);
        _inboxThread = await OpenThreadAsync("inbox", _ => NotificationChannel.Inbox);
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        _sink.Dispose();
    }

    /// <summary>5,000 sends through Dispatch's in-process command, four at a time.</summary>
    [Benchmark(Baseline = true)]
    public async Task PlainSends()
    {
        var mark = _sink.Accepted;
        var round = Interlocked.Increment(ref _iteration);
        await Parallel.ForEachAsync(Enumerable.Range(0, Emails),
            new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (i, cancellation) =>
            {
                await using var scope = _app.Host.Services.CreateAsyncScope();
                var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
                await bus.InvokeAsync<MessageAccepted>(new SendMessage
                {
                    From = "\"Sam\" <sam@company-name.nightpos.com>",
                    To = [$"follower{i}@customer.test"],
                    Subject = "S00042",
                    Text = "Your order ships on Friday.",
                    IdempotencyKey = $"plain:{round}:{i}",
                }, cancellation);
            });
        await _sink.WaitForAsync(mark, Emails, Patience);
    }

    /// <summary>One post: 5,000 notification emails and 5,000 inbox entries.</summary>
    [Benchmark]
    public async Task PostToTenThousandFollowers()
    {
        var mark = _sink.Accepted;
        await PostAsync(_mixedThread, Emails, Emails);
        await _sink.WaitForAsync(mark, Emails, Patience);
    }

    /// <summary>
    /// The same post, until its request returns: its 5,000 inbox entries are written then, and
    /// its emails are queued. The emails are waited for after the measurement.
    /// </summary>
    [Benchmark]
    public async Task PostToTenThousandFollowersUntilAnswered()
    {
        _mark = _sink.Accepted;
        await PostAsync(_mixedThread, Emails, Emails);
    }

    [IterationCleanup(Target = nameof(PostToTenThousandFollowersUntilAnswered))]
    public void WaitForTheEmails() =>
        _sink.WaitForAsync(_mark, Emails, Patience).GetAwaiter().GetResult();

    /// <summary>One post to 5,000 inbox followers: done when the request returns.</summary>
    [Benchmark]
    public Task PostToFiveThousandInboxes() => PostAsync(_inboxThread, 0, Emails);

    // A post that notified fewer followers than it should would look fast: the answer's
    // counts are checked, and the answer comes only after the inbox entries are committed.
    private async Task PostAsync(Guid thread, int emails, int inbox)
    {
        using var response = await _client.PostAsJsonAsync($"/api/threads/{thread}/messages",
            new
            {
                authorName = "Sam",
                authorEmail = "sam@company-name.nightpos.com",
                body = "Your order ships on Friday.",
                subtype = "discussions",
            });
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<Posted>();
        if (answer?.Notified.Emails.Count != emails || answer.Notified.Inbox.Count != inbox)
        {
            throw new InvalidOperationException(
                $"The post notified {answer?.Notified.Emails.Count} by email and "
                + $"{answer?.Notified.Inbox.Count} in the inbox, not {emails} and {inbox}.");
        }
    }

    // A benchmark against a server without fsync measures nothing real (STACK-NOTES): commits
    // are most of the cost of a send.
    private static async Task RequireDurableServerAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select current_setting('fsync') = 'on' "
            + "and current_setting('synchronous_commit') = 'on'", connection);
        if (await command.ExecuteScalarAsync() is not true)
        {
            throw new InvalidOperationException(
                "PostgreSQL runs with fsync or synchronous_commit off: run the benchmark "
                + "through scripts/bench-notifications, which starts a durable server.");
        }
    }

    // The followers are appended as one batch of events: what is measured is the post, not
    // ten thousand follow requests.
    private async Task<Guid> OpenThreadAsync(
        string record,
        Func<int, NotificationChannel> channel)
    {
        using var opened = await _client.PostAsJsonAsync("/api/threads",
            new { model = "sale.order", recordId = record, subject = "S00042" });
        opened.EnsureSuccessStatusCode();
        var id = (await opened.Content.ReadFromJsonAsync<Created>())!.Id;

        var count = record == "inbox" ? Emails : Followers;
        var store = _app.Host.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.LightweightSession();
        for (var i = 0; i < count; i++)
        {
            session.Events.Append(id, new FollowerAdded($"follower{i}@customer.test",
                $"Follower {i}", [Subtypes.Discussions], channel(i) == NotificationChannel.Inbox
                    ? NotificationChannel.Inbox
                    : null));
        }

        await session.SaveChangesAsync();
        return id;
    }

    private static string HostFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "NightPos.sln")))
        {
            folder = folder.Parent
                ?? throw new InvalidOperationException("NightPos.sln not found.");
        }

        return Path.Combine(folder.FullName, "src", "Host");
    }

    private sealed record Created(Guid Id);

    private sealed record Posted(Notified Notified);

    // Each operation is long and has side effects: measured once per iteration, a few times,
    // in this process (the host under test runs inside it). On a loaded machine one benchmark
    // takes several minutes, beyond the in-process toolchain's default limit of five.
    private sealed class MonitoringConfig : ManualConfig
    {
        public MonitoringConfig()
        {
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(3)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), true)));
        }
    }
}
