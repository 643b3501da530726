using NightPos.Dispatch.Tests.Hosting;
using NightPos.Dispatch.Tests.Peers;
using NightPos.Testing;

namespace NightPos.Reliability.Tests;

/// <summary>
/// SPEC R11: a message accepted by the system is never lost when PostgreSQL restarts, and the
/// host recovers by itself. The cluster is private to the test; the shared one is never touched.
/// </summary>
public sealed class PostgresRestartTests(ITestOutputHelper output)
{
    private const int Total = 300;

    // 3 s is a restart; 12 s outlasts the delivery batches' inline retries (ADR 0011).
    [Theory]
    [InlineData(3)]
    [InlineData(12)]
    public async Task Host_sending_through_a_PostgreSQL_restart_recovers_and_loses_nothing(
        int secondsDown)
    {
        await using var postgres = await PrivatePostgres.StartAsync();
        var database = await postgres.CreateDatabaseAsync("restart");
        await using var smtp = await TestSmtpServer.StartAsync();
        using var host = new HostProcess(database, smtp.Port);
        await host.StartAsync();
        var load = new SteadyLoad("restart", Total, i => $"r{i}@example.com");
        load.SendTo(host);

        var run = load.RunAsync(parallel: 4);
        await load.WaitUntilAcceptedAsync(Total / 3);
        var acceptedBefore = load.Accepted.Count;
        await postgres.RestartAsync(TimeSpan.FromSeconds(secondsDown));
        await run;
        var tally = await load.TallyAsync(smtp, seconds: 180);
        var missing = tally.Lost == 0
            ? ""
            : await SteadyLoad.DescribeAsync(host, tally.Missing) + Environment.NewLine
                + await SteadyLoad.EnvelopesAsync(database);

        output.WriteLine(
            $"{tally}; {acceptedBefore} accepted before PostgreSQL was down {secondsDown} s.");
        using var client = host.Client();
        var health = await client.GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.True(health.IsSuccessStatusCode, "The host did not recover by itself.");
        Assert.Equal(Total, tally.Accepted);
        Assert.True(tally.Lost == 0, $"{tally}:{Environment.NewLine}{missing}");
        Assert.Equal(0, tally.Unexpected);
    }
}
