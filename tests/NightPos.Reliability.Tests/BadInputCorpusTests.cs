using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Npgsql;
using NightPos.Testing;

namespace NightPos.Reliability.Tests;

/// <summary>
/// Sends every request of <see cref="Corpus"/> and holds the host to API.md: a 4xx problem
/// details answer that names the problem, and a refused request changes nothing.
/// </summary>
public sealed class BadInputCorpusTests(NightPosApp app)
{
    private static readonly IReadOnlyDictionary<string, BadRequest> Cases =
        Corpus.All().ToDictionary(c => c.Name);

    private static readonly SemaphoreSlim SeedLock = new(1, 1);
    private static Seeded? _seeded;

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Fact]
    public void Corpus_has_at_least_200_cases_with_distinct_names()
    {
        var names = Corpus.All().Select(c => c.Name).ToList();

        Assert.True(names.Count >= 200, $"Only {names.Count} cases.");
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Malformed_request_is_refused_with_a_problem_naming_it(string name)
    {
        var seeded = await SeedAsync();

        var failure = await RefusalFailureAsync(seeded, Cases[name]);

        Assert.Null(failure);
    }

    [Fact]
    public async Task Whole_corpus_appends_nothing_queues_nothing_and_leaves_the_host_healthy()
    {
        var seeded = await SeedAsync();
        var before = await CountRowsAsync();

        var failures = new List<string>();
        var serverErrors = 0;
        foreach (var request in Cases.Values)
        {
            var (status, failure) = await RefuseAsync(seeded, request);
            serverErrors += status >= 500 ? 1 : 0;
            if (failure is not null)
            {
                failures.Add($"{request.Name}: {failure}");
            }
        }

        var after = await CountRowsAsync();
        var health = await app.Host.Server.CreateClient()
            .GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(0, serverErrors);
        Assert.True(
            failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal(before, after);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private async Task<string?> RefusalFailureAsync(Seeded seeded, BadRequest request) =>
        (await RefuseAsync(seeded, request)).Failure;

    private async Task<(int Status, string? Failure)> RefuseAsync(
        Seeded seeded, BadRequest request)
    {
        var client = app.Host.Server.CreateClient();
        using var message = new HttpRequestMessage(
            new HttpMethod(request.Method), seeded.Fill(request.Route));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.Admin);
        if (request.Body is not null)
        {
            message.Content = new StringContent(seeded.Fill(request.Body), Encoding.UTF8);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue(request.ContentType);
        }

        using var response = await client.SendAsync(message);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        var word = seeded.Fill(request.Word);

        if (status != request.Status)
        {
            return (status, $"answered {status}, expected {request.Status}: {Cut(text)}");
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return (status, $"answered {response.Content.Headers.ContentType}: {Cut(text)}");
        }

        var explanation = Explanation(text);
        return explanation.Contains(word, StringComparison.OrdinalIgnoreCase)
            ? (status, null)
            : (status, $"the problem does not mention '{word}': {Cut(explanation)}");
    }

    /// <summary>What a person reads of a problem: its detail, errors and extensions.</summary>
    private static string Explanation(string problem)
    {
        using var document = JsonDocument.Parse(problem);
        var parts = document.RootElement.EnumerateObject()
            .Where(p => p.Name is not ("type" or "title" or "status" or "instance" or "traceId"))
            .Select(p => p.Name == "detail" ? p.Value.GetString() : p.Value.GetRawText());
        return string.Join(' ', parts);
    }

    private static string Cut(string text) => text.Length <= 400 ? text : text[..400] + "...";

    /// <summary>
    /// Rows of the event table, Wolverine's envelopes (a message queued or received) and every
    /// document table: what a refused request must leave as it was.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, long>> CountRowsAsync()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();

        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = """
                select table_schema || '.' || table_name from information_schema.tables
                where table_type = 'BASE TABLE'
                  and (table_name = 'mt_events' or table_name like 'mt_doc_%'
                       or table_name like 'wolverine_%envelopes%')
                """;
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("nightpos.mt_events", tables);
        var counts = new SortedDictionary<string, long>();
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"select count(*) from {table}";
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }

        return counts;
    }

    private async Task<Seeded> SeedAsync()
    {
        await SeedLock.WaitAsync();
        try
        {
            return _seeded ??= await Seeded.CreateAsync(app.Host.Server.CreateClient());
        }
        finally
        {
            SeedLock.Release();
        }
    }
}
