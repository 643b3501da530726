using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NightPos.Testing;

namespace NightPos.Reliability.Tests;

/// <summary>
/// The records the corpus refers to: an alias domain <c>corpus.example</c>, a company on it, an
/// outgoing server and a thread, made once per test host.
/// </summary>
internal sealed record Seeded(Guid Domain, Guid Company, Guid Server, Guid Thread)
{
    /// <summary>An id no record has.</summary>
    public static readonly Guid Unknown = Guid.Parse("0199e0c1-0000-7000-8000-00000000dead");

    public string Fill(string text) => text
        .Replace("{domain}", Domain.ToString())
        .Replace("{company}", Company.ToString())
        .Replace("{server}", Server.ToString())
        .Replace("{thread}", Thread.ToString())
        .Replace("{unknown}", Unknown.ToString());

    public static async Task<Seeded> CreateAsync(HttpClient client)
    {
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", TestKeys.Admin);

        var domain = await PostAsync(
            client, "/api/alias-domains", new { domain = "corpus.example" });
        var company = await PostAsync(
            client, "/api/companies", new { name = "Corpus", aliasDomainId = domain });
        var server = await PostAsync(client, "/api/servers", new
        {
            name = "corpus",
            host = "127.0.0.1",
            port = 2525,
            encryption = "none",
            authentication = "login",
        });
        var thread = await PostAsync(client, "/api/threads", new
        {
            companyId = company,
            model = "sale.order",
            recordId = "corpus-1",
            subject = "Corpus order",
        });
        return new Seeded(domain, company, server, thread);
    }

    private static async Task<Guid> PostAsync(HttpClient client, string route, object body)
    {
        var response = await client.PostAsJsonAsync(route, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Seeding {route}: {response.StatusCode} {text}");
        }

        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }
}
