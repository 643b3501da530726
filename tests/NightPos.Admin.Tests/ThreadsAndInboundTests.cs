using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using NightPos.Testing;
using static Microsoft.Playwright.Assertions;

namespace NightPos.Admin.Tests;

/// <summary>
/// The reading pages in a real browser: a thread an ERP module wrote to over the API, a reply
/// that matched no thread, and the mass-mailing choice.
/// </summary>
public sealed class ThreadsAndInboundTests(AdminSite site)
{
    private static readonly string[] Discussions = ["discussions"];

    [Fact]
    public async Task Administrator_reads_a_thread_with_its_notifications_and_unrouted_mail()
    {
        using var api = Client(TestKeys.Sender);
        var cancellation = TestContext.Current.CancellationToken;
        var recordId = $"S{Random.Shared.Next(10_000, 99_999)}";
        var thread = await PostAsync(api, "/api/threads",
            new { model = "sale.order", recordId, subject = $"Quotation {recordId}" });
        var id = thread.GetProperty("id").GetGuid();
        await PostAsync(api, $"/api/threads/{id}/followers",
            new { name = "Bob", email = "bob@customer.example", subtypes = Discussions });
        await PostAsync(api, $"/api/threads/{id}/messages", new
        {
            authorName = "Mary", authorEmail = "mary@company-name.nightpos.com",
            body = "Your quotation is ready.", subtype = "discussions",
        });
        var raw = "From: Someone <someone@elsewhere.example>\r\n"
            + "To: catchall@company-name.nightpos.com\r\n"
            + "Subject: Lost reply\r\nMessage-ID: <lost-1@elsewhere.example>\r\n\r\nHello?\r\n";
        using var inbound = new ByteArrayContent(Encoding.ASCII.GetBytes(raw));
        inbound.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        (await api.PostAsync("/api/inbound", inbound, cancellation)).EnsureSuccessStatusCode();

        var page = await site.OpenAsync();
        await page.GetByLabel("API key").FillAsync(TestKeys.Admin);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GotoAsync($"/admin/#/threads?id={id}");

        var heading = page.GetByRole(
            AriaRole.Heading, new() { Name = $"Thread sale.order {recordId}" });
        await Expect(heading).ToBeVisibleAsync();
        var post = page.GetByRole(AriaRole.Article);
        await Expect(post).ToContainTextAsync("Your quotation is ready.");
        await Expect(post).ToContainTextAsync("Bob <bob@customer.example>");
        await Screenshots.SaveAsync(page, "threads");

        await page.GotoAsync("/admin/#/unrouted");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Lost reply", Exact = true }))
            .ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "unrouted-mail");
        await page.Context.CloseAsync();
    }

    private Uri Base => site.Address;

    private HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = Base };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(
            path, body, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }
}
