using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NightPos.Dispatch.Tests.Hosting;
using NightPos.Dispatch.Tests.Peers;
using Npgsql;

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

    /// <summary>
    /// Waits until every accepted Message-ID arrived, for at most <paramref name="seconds"/>,
    /// then counts.
    /// </summary>
    public async Task<Tally> TallyAsync(TestSmtpServer smtp, int seconds)
    {
        var expected = Accepted.Values.Select(a => a.MessageId).ToHashSet();
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!expected.IsSubsetOf(smtp.Received.Select(m => m.MessageId))
            && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        var received = smtp.Received.Select(m => m.MessageId).ToList();
        var missing = Accepted.Where(a => !received.Contains(a.Value.MessageId))
            .Select(a => a.Value.Id)
            .ToList();
        return new Tally(
            Accepted.Count,
            missing,
            received.Count - received.Distinct().Count(),
            received.Distinct().Except(expected).Count());
    }

    /// <summary>What <paramref name="host"/> says of each message, for a failure message.</summary>
    public static async Task<string> DescribeAsync(HostProcess host, IEnumerable<Guid> ids)
    {
        using var client = host.Client();
        var states = new List<string>();
        foreach (var id in ids.Take(20))
        {
            states.Add($"{id}: {await client.GetStringAsync($"/api/messages/{id}")}");
        }

        return string.Join(Environment.NewLine, states);
    }

    /// <summary>Wolverine's envelopes by table and status, for a failure message.</summary>
    public static async Task<string> EnvelopesAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            select 'incoming ' || status || ' owner ' || owner_id || ': ' || count(*)
              from nightpos.wolverine_incoming_envelopes group by status, owner_id
            union all
            select 'dead letter ' || exception_type || ': ' || count(*)
              from nightpos.wolverine_dead_letters group by exception_type
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join(Environment.NewLine, lines);
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
internal sealed record Tally(
    int Accepted,
    IReadOnlyList<Guid> Missing,
    int Duplicates,
    int Unexpected)
{
    public int Lost => Missing.Count;

    public override string ToString() =>
        $"{Accepted} accepted, {Lost} lost, {Duplicates} duplicates (same Message-ID), "
        + $"{Unexpected} never accepted";
}
