using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NightPos.Dispatch.Tests.Hosting;
using NightPos.Dispatch.Tests.Peers;
using NightPos.Testing;

namespace NightPos.Dispatch.Tests.Delivery;

/// <summary>
/// SPEC R11: a host killed with SIGKILL in the middle of a run loses no accepted message, and a
/// copy sent again because of the kill carries the Message-ID of the first.
/// </summary>
public sealed class KillTests(ITestOutputHelper output)
{
    private const int Total = 2000;

    [Fact]
    public async Task Host_killed_during_a_run_of_2000_messages_loses_none()
    {
        var database = await TestPostgres.CreateDatabaseAsync("dispatch_kill");
        await using var smtp = await TestSmtpServer.StartAsync();
        using var host = new HostProcess(database, smtp.Port);
        try
        {
            await host.StartAsync();
            var accepted = new ConcurrentDictionary<int, string>();
            var next = -1;
            var senders = Enumerable.Range(0, 8)
                .Select(_ => Task.Run(() =>
                    SendAllAsync(host, accepted, () => Interlocked.Increment(ref next))))
                .ToList();

            await WaitUntilAsync(() => accepted.Count >= Total / 3, "a third accepted");
            host.Kill();
            var acceptedBeforeKill = accepted.Count;
            await host.StartAsync();
            await Task.WhenAll(senders);

            await WaitUntilAsync(
                () => ReceivedIds(smtp).ToHashSet().IsSupersetOf(accepted.Values),
                "every accepted message received",
                seconds: 240);

            var received = ReceivedIds(smtp);
            var duplicates = received.Count - received.Distinct().Count();
            output.WriteLine($"{accepted.Count} accepted ({acceptedBeforeKill} before the kill), "
                + $"{received.Count} copies received, {duplicates} duplicates.");
            Assert.Equal(Total, accepted.Count);
            Assert.Equal(Total, accepted.Values.Distinct().Count());
            Assert.Empty(received.Distinct().Except(accepted.Values));
        }
        finally
        {
            host.Kill();
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    // A client that retries a failed request with the same idempotency key, as R11 expects of
    // one: while the host is down its requests fail, and the first answer after it is back is
    // the message accepted before the kill, if it was.
    private static async Task SendAllAsync(
        HostProcess host,
        ConcurrentDictionary<int, string> accepted,
        Func<int> take)
    {
        using var client = host.Client();
        for (var i = take(); i < Total; i = take())
        {
            var body = new { to = new[] { $"r{i}@example.com" }, idempotencyKey = $"kill-{i}" };
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (true)
            {
                try
                {
                    using var response = await client.PostAsJsonAsync("/api/messages", body);
                    if (response.StatusCode == HttpStatusCode.Accepted)
                    {
                        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
                        accepted[i] = answer.GetProperty("messageId").GetString()!;
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                }

                Assert.True(DateTime.UtcNow < deadline, $"Message {i} was never accepted.");
                await Task.Delay(50);
            }
        }
    }

    private static List<string> ReceivedIds(TestSmtpServer smtp) =>
        smtp.Received.Select(m => m.MessageId).ToList();

    private static async Task WaitUntilAsync(Func<bool> condition, string what, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }
}
