using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NightPos.Dispatch.Tests.Hosting;
using NightPos.Dispatch.Tests.Peers;

namespace NightPos.Reliability.Tests;

/// <summary>
/// A steady run of sends over the live host processes, by clients that behave as SPEC R11
/// expects of one: a request that fails (a killed host, PostgreSQL down) is sent again with the
/// same idempotency key, to another live host, until one answers 202. What was accepted is
/// then held against what an SMTP server received.
/// </summary>
internal sealed class SteadyLoad(string name, int total, Func<int, string> recipient)
{
    private readonly ConcurrentDictionary<HostProcess, HttpClient> _clients = new();
    private volatile HostProcess[] _live = [];
    private int _next = -1;

    /// <summary>Message number to the id and Message-ID its first 202 answer gave.</summary>
    public ConcurrentDictionary<int, (Guid Id, string MessageId)> Accepted { get; } = new();

    public int Total => total;

    /// <summary>The hosts requests go to from now on; the others are dead or going.</summary>
    public void SendTo(params HostProcess[] live) => _live = live;

    public Task RunAsync(int parallel) =>
        Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => Task.Run(SendAllAsync)));

    public async Task WaitUntilAcceptedAsync(int count) =>
        await Until.TrueAsync(() => Accepted.Count >= count, $"{count} accepted", 180);

    /// <summary>Waits until every accepted Message-ID arrived, then counts.</summary>
    public async Task<Tally> TallyAsync(TestSmtpServer smtp, int seconds)
    {
        var expected = Accepted.Values.Select(a => a.MessageId).ToHashSet();
        await Until.TrueAsync(
            () => expected.IsSubsetOf(smtp.Received.Select(m => m.MessageId)),
            "every accepted message received",
            seconds,
            () => $"{expected.Except(smtp.Received.Select(m => m.MessageId)).Count()} missing");

        var received = smtp.Received.Select(m => m.MessageId).ToList();
        return new Tally(
            Accepted.Count,
            expected.Except(received).Count(),
            received.Count - received.Distinct().Count(),
            received.Distinct().Except(expected).Count());
    }

    private async Task SendAllAsync()
    {
        for (var i = Take(); i < total; i = Take())
        {
            var body = new { to = new[] { recipient(i) }, idempotencyKey = $"{name}-{i}" };
            var deadline = DateTime.UtcNow.AddSeconds(180);
            for (var attempt = 0; ; attempt++)
            {
                var live = _live;
                var host = live[(i + attempt) % live.Length];
                if (await TrySendAsync(host, body) is { } accepted)
                {
                    Accepted[i] = accepted;
                    break;
                }

                Assert.True(DateTime.UtcNow < deadline, $"Message {i} was never accepted.");
                await Task.Delay(100);
            }
        }
    }

    private int Take() => Interlocked.Increment(ref _next);

    private async Task<(Guid Id, string MessageId)?> TrySendAsync(HostProcess host, object body)
    {
        var client = _clients.GetOrAdd(host, h =>
        {
            var created = h.Client();
            created.Timeout = TimeSpan.FromSeconds(20);
            return created;
        });
        try
        {
            using var response = await client.PostAsJsonAsync("/api/messages", body);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                return null;
            }

            var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
            return (answer.GetProperty("id").GetGuid(),
                answer.GetProperty("messageId").GetString()!);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }
}

/// <summary>The figures of a run: every accepted message must be received (lost 0).</summary>
internal sealed record Tally(int Accepted, int Lost, int Duplicates, int Unexpected)
{
    public override string ToString() =>
        $"{Accepted} accepted, {Lost} lost, {Duplicates} duplicates (same Message-ID), "
        + $"{Unexpected} never accepted";
}
