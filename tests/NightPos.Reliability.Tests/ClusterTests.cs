using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using NightPos.Dispatch.Tests.Hosting;
using NightPos.Dispatch.Tests.Peers;
using NightPos.Testing;

namespace NightPos.Reliability.Tests;

/// <summary>
/// SPEC R11 and R18 under the worst a small cluster meets: three host processes share one
/// database under a steady load of sends; one is killed with SIGKILL, PostgreSQL restarts, a
/// second host is killed. Every accepted message reaches the SMTP server; duplicates (a crash
/// between the server's acceptance and its record) are counted by Message-ID. The short form
/// runs in CI; <c>NIGHTPOS_CLUSTER_MESSAGES=5000</c> runs the full form (docs/reliability.md).
/// </summary>
public sealed class ClusterTests(ITestOutputHelper output)
{
    public const string SizeVariable = "NIGHTPOS_CLUSTER_MESSAGES";

    // Every tenth message goes to a domain that answers 451 to its first DATA, so that retries
    // scheduled by a host that is then killed are part of the run.
    private const int RetryEvery = 10;

    [Fact]
    public async Task Three_hosts_through_two_kills_and_a_PostgreSQL_restart_lose_no_message()
    {
        var total = int.TryParse(Environment.GetEnvironmentVariable(SizeVariable), out var size)
            ? size
            : 150;
        await using var postgres = await PrivatePostgres.StartAsync();
        var database = await postgres.CreateDatabaseAsync("cluster");
        await using var smtp = await TestSmtpServer.StartAsync();
        for (var i = 0; i < total; i += RetryEvery)
        {
            smtp.Script(RetryDomain(i), data: n => n == 1
                ? TestSmtpServer.Reply(451, "4.3.0 Try again later")
                : null);
        }

        using var first = new HostProcess(database, smtp.Port);
        using var second = new HostProcess(database, smtp.Port);
        using var third = new HostProcess(database, smtp.Port);
        await Task.WhenAll(first.StartAsync(), second.StartAsync(), third.StartAsync());
        var load = new SteadyLoad("cluster", total, Recipient);
        load.SendTo(first, second, third);
        var clock = Stopwatch.StartNew();

        var run = load.RunAsync(parallel: 6);
        await load.WaitUntilAcceptedAsync(total / 4);
        load.SendTo(second, third);
        first.Kill();
        var firstKilledAt = load.Accepted.Count;
        await load.WaitUntilAcceptedAsync(total / 2);
        await postgres.RestartAsync(TimeSpan.FromSeconds(3));
        var restartedAt = load.Accepted.Count;
        await load.WaitUntilAcceptedAsync(total * 3 / 4);
        load.SendTo(third);
        second.Kill();
        var secondKilledAt = load.Accepted.Count;
        var usedBeforeSecondKill = await UsedTodayAsync(third);
        await run;
        var tally = await load.TallyAsync(smtp, seconds: 300);
        var duration = clock.Elapsed;
        var missing = tally.Lost == 0
            ? ""
            : await SteadyLoad.DescribeAsync(third, tally.Missing) + Environment.NewLine
                + await SteadyLoad.EnvelopesAsync(database);
        var sentOnSurvivor = await WaitUntilAllSentAsync(third, load);
        var usedAtTheEnd = await UsedTodayAsync(third);

        output.WriteLine($"{total} messages, 3 hosts: {tally}; first host killed at "
            + $"{firstKilledAt} accepted, PostgreSQL restarted at {restartedAt}, second host "
            + $"killed at {secondKilledAt}; all received in {duration.TotalSeconds:F0} s; "
            + $"{sentOnSurvivor} shown sent by the survivor; daily usage {usedAtTheEnd}.");
        Assert.Equal(total, tally.Accepted);
        Assert.True(tally.Lost == 0, $"{tally}:{Environment.NewLine}{missing}");
        Assert.Equal(0, tally.Unexpected);

        // Background work kept running on the survivor: retries (every retry domain was refused
        // once and still arrived), the projection behind GET /api/messages, and the quota.
        Assert.All(Enumerable.Range(0, total).Where(i => i % RetryEvery == 0), i =>
            Assert.Contains(smtp.Received, m => m.Recipients.Contains(Recipient(i))));
        Assert.Equal(total, sentOnSurvivor);
        Assert.True(usedAtTheEnd > usedBeforeSecondKill, "The quota stopped counting.");
        Assert.True(usedAtTheEnd >= total - tally.Duplicates,
            $"The quota counted {usedAtTheEnd} of {total} messages.");
    }

    private static string RetryDomain(int i) => $"retry-{i}.example";

    private static string Recipient(int i) =>
        i % RetryEvery == 0 ? $"r{i}@{RetryDomain(i)}" : $"r{i}@example.com";

    private static async Task<int> UsedTodayAsync(HostProcess host)
    {
        using var client = host.Client();
        var usage = await client.GetFromJsonAsync<JsonElement>("/api/usage/daily");
        return usage.GetProperty("used").GetInt32();
    }

    // The message projection as the last host serves it: every accepted message shown sent.
    private static async Task<int> WaitUntilAllSentAsync(HostProcess host, SteadyLoad load)
    {
        using var client = host.Client();
        var pending = load.Accepted.Values.Select(a => a.Id).ToHashSet();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            foreach (var id in pending.ToList())
            {
                var message = await client.GetFromJsonAsync<JsonElement>($"/api/messages/{id}");
                if (message.GetProperty("state").GetString() == "sent")
                {
                    pending.Remove(id);
                }
            }

            if (pending.Count == 0 || DateTime.UtcNow > deadline)
            {
                return load.Accepted.Count - pending.Count;
            }

            await Task.Delay(200);
        }
    }
}
