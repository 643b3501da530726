using System.Globalization;
using System.Text.Json;
using Alba;
using Microsoft.Extensions.DependencyInjection;
using NightPos.Dispatch.Contracts;
using NightPos.Dispatch.Tests.Hosting;
using NightPos.Domains.Contracts;
using NightPos.Testing;
using Wolverine;
using Wolverine.Tracking;

namespace NightPos.Dispatch.Tests.Sending;

/// <summary>
/// SPEC R15 at intake (ADR 0020): a message publishes <see cref="SenderAddressUsed"/> only for a
/// header From this process has not yet seen published under the current alias domains, and
/// the local parts list stays complete. A host of its own whose default FROM filter is empty,
/// so that every author's address stays the header From (SPEC R5, default server).
/// </summary>
public sealed class SenderAddressTests : IAsyncLifetime
{
    private DispatchHost _host = null!;

    private IAlbaHost Host => _host.App.Host;

    public async ValueTask InitializeAsync()
    {
        _host = await DispatchHost.StartAsync();
        await AdminAsync(HttpMethod.Put, "/api/parameters/mail.default.from_filter", new
        {
            value = "",
        });
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Sender_address_is_published_once_per_address_and_every_local_part_is_listed()
    {
        var domain = UniqueDomain("senders");
        var aliasDomain = await AddAliasDomainAsync(domain);

        var sends = new (string From, int Published)[]
        {
            ($"\"Mary\" <Sales@{domain}>", 1),
            // The same address in another case, or with another display name: nothing new.
            ($"sales@{domain}", 0),
            ($"SALES@{domain.ToUpperInvariant()}", 0),
            ($"\"Sales Team\" <sales@{domain}>", 0),
            // Another local part at the same domain, and one behind a name that looks like a
            // known address.
            ($"billing@{domain}", 1),
            ($"\"sales@{domain}\" <news@{domain}>", 1),
            ($"news@{domain}", 0),
            // A look-alike domain is another address.
            ($"sales@{domain}.evil.example", 1),
        };
        var published = new List<int>();
        foreach (var (from, _) in sends)
        {
            published.Add(await PublishedWhenSentFromAsync(from));
        }

        Assert.Equal(sends.Select(s => s.Published), published);
        Assert.Equal(
            ["bounce", "notifications", "admin", "nightposbot", "billing", "news", "sales"],
            await LocalPartsAsync(aliasDomain));
    }

    [Fact]
    public async Task Sender_address_of_messages_sent_together_is_published_once()
    {
        var domain = UniqueDomain("together");
        await AddAliasDomainAsync(domain);

        // Sent side by side, they share intake transactions (ADR 0024); a near miss in another
        // case is the same address.
        var authors = Enumerable.Range(0, 12)
            .Select(i => i % 2 == 0 ? $"shop@{domain}" : $"Shop@{domain}")
            .ToArray();
        var together = await PublishedWhenSentFromAsync(authors);
        var other = await PublishedWhenSentFromAsync($"shop2@{domain}", $"shop2@{domain}");

        Assert.Equal((1, 1), (together, other));
    }

    [Fact]
    public async Task Sender_address_at_an_IDN_domain_is_one_address_in_either_form()
    {
        var unicode = $"bücher-{Guid.NewGuid():N}"[..20] + ".example";
        var ascii = new IdnMapping().GetAscii(unicode);
        var aliasDomain = await AddAliasDomainAsync(unicode);

        var first = await PublishedWhenSentFromAsync($"info@{unicode}");
        var again = await PublishedWhenSentFromAsync($"Info@{ascii}");
        var other = await PublishedWhenSentFromAsync($"orders@{ascii}");

        Assert.Equal((1, 0, 1), (first, again, other));
        Assert.Equal(
            ["bounce", "notifications", "admin", "nightposbot", "info", "orders"],
            await LocalPartsAsync(aliasDomain));
    }

    [Fact]
    public async Task Sender_address_used_before_its_domain_was_an_alias_domain_is_published_again()
    {
        var domain = UniqueDomain("later");

        var before = await PublishedWhenSentFromAsync($"news@{domain}");
        var aliasDomain = await AddAliasDomainAsync(domain);
        var after = await PublishedWhenSentFromAsync($"news@{domain}");
        var again = await PublishedWhenSentFromAsync($"news@{domain}");

        Assert.Equal((1, 1, 0), (before, after, again));
        Assert.Contains("news", await LocalPartsAsync(aliasDomain));
    }

    private static string UniqueDomain(string prefix) => $"{prefix}-{Guid.NewGuid():N}.example";

    // Sends messages in-process from the given authors, side by side, and counts the
    // SenderAddressUsed they published, once every message they caused (their delivery, the
    // Domains handler) has been handled.
    private async Task<int> PublishedWhenSentFromAsync(params string[] authors)
    {
        var tracked = await Host.TrackActivity()
            .Timeout(TimeSpan.FromSeconds(60))
            .ExecuteAndWaitAsync((IMessageContext _) => Task.WhenAll(authors.Select(SendAsync)));
        return tracked.Sent.MessagesOf<SenderAddressUsed>().Count();

        async Task SendAsync(string from)
        {
            using var scope = Host.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<IMessageBus>()
                .InvokeAsync<MessageAccepted>(new SendMessage
                {
                    From = from,
                    To = [$"bob@{UniqueDomain("recipient")}"],
                    Subject = "R15",
                    Text = "Which local parts to whitelist.",
                });
        }
    }

    private async Task<Guid> AddAliasDomainAsync(string domain)
    {
        var created = await AdminAsync(HttpMethod.Post, "/api/alias-domains", new { domain });
        return created.GetProperty("id").GetGuid();
    }

    private async Task<List<string>> LocalPartsAsync(Guid aliasDomain)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/alias-domains/{aliasDomain}/local-parts");
            s.AsAuditor();
            s.StatusCodeShouldBeOk();
        });
        var parts = await result.ReadAsJsonAsync<JsonElement>();
        return parts.EnumerateArray().Select(p => p.GetString()!).ToList();
    }

    private async Task<JsonElement> AdminAsync(HttpMethod method, string url, object body)
    {
        var result = await Host.Scenario(s =>
        {
            (method == HttpMethod.Post ? s.Post : s.Put).Json(body).ToUrl(url);
            s.AsAdmin();
            s.StatusCodeShouldBeSuccess();
        });
        var text = await result.ReadAsTextAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
