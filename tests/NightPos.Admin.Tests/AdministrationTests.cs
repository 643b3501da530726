using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NightPos.Testing;
using static Microsoft.Playwright.Assertions;

namespace NightPos.Admin.Tests;

/// <summary>
/// An administrator at the pages in a real browser, against the real host: the story of the
/// settings screen from adding a domain to watching a message reach <c>sent</c>.
/// </summary>
public sealed partial class AdministrationTests(AdminSite site)
{
    [Fact]
    public async Task Administrator_configures_a_domain_and_server_and_sees_a_message_sent()
    {
        var page = await site.OpenAsync();
        await SignInAsync(page, TestKeys.Admin);
        Assert.DoesNotContain(TestKeys.Admin, await page.ContentAsync());

        var beforeDomain = DateTime.UtcNow.AddSeconds(-1);

        // A domain the API refuses: its message stands beside the field.
        await page.GetByLabel("Domain", new() { Exact = true }).FillAsync("shop..example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add alias domain" }).ClickAsync();
        await Expect(page.Locator("[data-error-for=domain]")).ToContainTextAsync("domain");
        await Expect(page.GetByLabel("Domain", new() { Exact = true }))
            .ToHaveAttributeAsync("aria-invalid", "true");

        await page.GetByLabel("Domain", new() { Exact = true }).FillAsync("shop.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add alias domain" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "notifications@shop.example" }))
            .ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "mail-settings");

        await GoToAsync(page, "Outgoing servers");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Loopback sink");
        await page.GetByLabel("Host", new() { Exact = true }).FillAsync("127.0.0.1");
        await page.GetByLabel("Port", new() { Exact = true }).FillAsync("25");
        await page.GetByLabel("Encryption").SelectOptionAsync("none");
        await page.GetByLabel("FROM filter").FillAsync("shop.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add server" }).ClickAsync();
        await Expect(page.Locator("[data-error-for=port]")).ToContainTextAsync("587");

        await page.GetByLabel("Port", new() { Exact = true }).FillAsync(site.Smtp.Port.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Add server" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Test connection of Loopback sink" })
            .ClickAsync();
        await Expect(page.Locator(".test-result"))
            .ToContainTextAsync("Connection to Loopback sink succeeded");
        await Screenshots.SaveAsync(page, "servers");

        await GoToAsync(page, "Mass mailing");
        await page.GetByLabel("Dedicated mass-mailing server").SelectOptionAsync(
            new SelectOptionValue { Label = $"Loopback sink (127.0.0.1:{site.Smtp.Port})" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator(".status"))
            .ToContainTextAsync("Mass mail now goes through Loopback sink");

        await GoToAsync(page, "Routing preview");
        await page.GetByLabel("Sender (From)").FillAsync("\"Mary\" <mary@shop.example>");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        var decision = page.Locator(".pairs");
        await Expect(decision).ToContainTextAsync("Loopback sink");
        await Expect(decision).ToContainTextAsync(DomainRule());
        await Expect(page.Locator(".explanation")).Not.ToBeEmptyAsync();
        await Screenshots.SaveAsync(page, "routing-preview");

        await GoToAsync(page, "Outgoing queue");
        await page.GetByLabel("From", new() { Exact = true }).FillAsync("mary@shop.example");
        await page.GetByLabel("To", new() { Exact = true }).FillAsync("dave@buyer.example");
        await page.GetByLabel("Subject").FillAsync("Your quotation S00042");
        await page.GetByLabel("Text").FillAsync("Please find it attached.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(page.Locator(".message-state"))
            .ToContainTextAsync("sent", new() { Timeout = 30_000 });
        await Expect(page.Locator(".lifecycle")).ToContainTextAsync("message routed");
        await Expect(page.Locator(".lifecycle")).ToContainTextAsync("Loopback sink, rule domain");
        await page.ReloadAsync();
        var queue = page.GetByRole(AriaRole.Region, new() { Name = "Outgoing messages" });
        await Expect(queue.GetByRole(AriaRole.Row).Filter(new() { HasText = "dave@buyer.example" }))
            .ToContainTextAsync("sent");
        await Screenshots.SaveAsync(page, "outgoing-queue");

        await GoToAsync(page, "History");
        // The database's own alias domain (SPEC R1), then the one added above.
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "alias domain added" }))
            .ToHaveCountAsync(2);
        await page.GetByLabel("As of", new() { Exact = true })
            .FillAsync(beforeDomain.ToString("yyyy-MM-dd'T'HH:mm:ss"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        var then = page.GetByRole(AriaRole.Region, new() { Name = "Alias domains then" });
        await Expect(then).ToContainTextAsync("company-name.nightpos.com");
        await Expect(then).Not.ToContainTextAsync("shop.example");
        await Screenshots.SaveAsync(page, "history");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Administrator_on_a_phone_reads_the_settings_in_one_column()
    {
        var page = await site.OpenAsync(width: 390, height: 844);
        await SignInAsync(page, TestKeys.Admin);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This database" }))
            .ToBeVisibleAsync();
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"The page is {width} px wide on a 390 px screen.");
        await Screenshots.SaveAsync(page, "phone-mail-settings");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Sign_in_with_a_wrong_key_shows_the_problem_and_keeps_no_key()
    {
        var page = await site.OpenAsync();

        await SignInAsync(page, "not-a-key-of-this-installation", expectSignedIn: false);

        await Expect(page.Locator(".problem-box")).ToContainTextAsync("401");
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('nightpos.apiKey')"));
        await Expect(page.GetByRole(AriaRole.Navigation)).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Auditor_who_adds_a_server_sees_the_refusal_and_the_key_is_not_shown()
    {
        var page = await site.OpenAsync();
        await SignInAsync(page, TestKeys.Auditor);

        await GoToAsync(page, "Outgoing servers");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Not allowed");
        await page.GetByLabel("Host", new() { Exact = true }).FillAsync("127.0.0.1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add server" }).ClickAsync();

        await Expect(page.Locator("form .problem")).ToContainTextAsync("403");
        Assert.DoesNotContain(TestKeys.Auditor, await page.ContentAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Administrator_accepts_an_invalid_certificate_only_with_tls_and_is_warned()
    {
        var page = await site.OpenAsync();
        await SignInAsync(page, TestKeys.Admin);

        await GoToAsync(page, "Outgoing servers");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Self-signed relay");
        await page.GetByLabel("Host", new() { Exact = true }).FillAsync("relay.internal");
        await page.GetByLabel("Port", new() { Exact = true }).FillAsync("2525");
        await page.GetByLabel("Encryption").SelectOptionAsync("none");
        await page.GetByLabel("FROM filter").FillAsync("relay.internal");
        await page.GetByLabel("Active").UncheckAsync();
        var accept = page.GetByLabel("Accept an invalid TLS certificate");
        await Expect(accept).Not.ToBeCheckedAsync();
        await Expect(accept).ToHaveAccessibleDescriptionAsync(new Regex("never in plain text"));
        await accept.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add server" }).ClickAsync();
        await Expect(page.Locator("[data-error-for=acceptInvalidCertificate]"))
            .ToContainTextAsync("encryption none");
        await Expect(accept).ToHaveAttributeAsync("aria-invalid", "true");

        await page.GetByLabel("Encryption").SelectOptionAsync("starttls");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add server" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Self-signed relay" }))
            .ToContainTextAsync("accepts an invalid certificate");
        await page.Context.CloseAsync();
    }

    private static async Task SignInAsync(IPage page, string key, bool expectSignedIn = true)
    {
        await page.GetByLabel("API key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        if (expectSignedIn)
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mail settings" }))
                .ToBeVisibleAsync();
        }
    }

    private static async Task GoToAsync(IPage page, string link)
    {
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = link })
            .ClickAsync();
        await Expect(page.Locator("main .page")).ToHaveAttributeAsync("aria-busy", "false");
    }

    [GeneratedRegex(@"Rule\s*domain")]
    private static partial Regex DomainRule();
}
