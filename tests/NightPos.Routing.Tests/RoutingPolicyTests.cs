using MimeKit;
using NightPos.Dispatch.Contracts;
using NightPos.Dispatch.Routing;

namespace NightPos.Routing.Tests;

/// <summary>
/// SPEC R5 to R7 on routing tables compiled from configurations built in memory: every matcher
/// with its near misses (case, IDN, look-alike and parent or sub-domains, display names that
/// look like addresses, empty and blank filters).
/// </summary>
public sealed class RoutingPolicyTests
{
    private const string N = "notifications@company-name.nightpos.com";
    private const string B = "bounce@company-name.nightpos.com";

    // One server list for the matching theory. The address server comes after the domain
    // server that also holds its domain, so a whole-address match must win over priority.
    private static readonly TestConfiguration Catalogue = CatalogueConfiguration();
    private static readonly RoutingTable CatalogueTable = Catalogue.Compile();

    public static TheoryData<string?, string, RoutingRule, string?, string, string> Matches => new()
    {
        // from, server, rule, header name, header address, envelope
        {
            "admin@example.com", "Address relay", RoutingRule.Address, null, "admin@example.com",
            "admin@example.com"
        },
        {
            "ADMIN@Example.COM", "Address relay", RoutingRule.Address, null, "ADMIN@example.com",
            "ADMIN@example.com"
        },
        {
            "\"Ann\" <specific@Other.Example.org>", "Address relay", RoutingRule.Address, "Ann",
            "specific@other.example.org", "specific@other.example.org"
        },
        {
            "adm\u0131n@example.com", "Domain relay", RoutingRule.Domain, null,
            "adm\u0131n@example.com", "adm\u0131n@example.com"
        },
        {
            "bob@example.com", "Domain relay", RoutingRule.Domain, null, "bob@example.com",
            "bob@example.com"
        },
        {
            "bob@mail.example.com", "Mail relay", RoutingRule.Domain, null, "bob@mail.example.com",
            "bob@mail.example.com"
        },
        {
            "joerg@ex\u00e4mple.de", "IDN relay", RoutingRule.Domain, null,
            "joerg@xn--exmple-cua.de", "joerg@xn--exmple-cua.de"
        },
        {
            "joerg@XN--EXMPLE-CUA.DE", "IDN relay", RoutingRule.Domain, null,
            "joerg@xn--exmple-cua.de", "joerg@xn--exmple-cua.de"
        },
        {
            "ops@company-name.nightpos.com", "Company relay", RoutingRule.Domain, null,
            "ops@company-name.nightpos.com", B
        },
        {
            "admin@mmail.example.com", "Company relay", RoutingRule.NotificationDomain, "admin", N,
            B
        },
        {
            "bob@sub.mail.example.com", "Company relay", RoutingRule.NotificationDomain, "bob", N,
            B
        },
        {
            "bob@example.com.evil.test", "Company relay", RoutingRule.NotificationDomain, "bob", N,
            B
        },
        { "bob@xample.com", "Company relay", RoutingRule.NotificationDomain, "bob", N, B },
        { "joerg@example.de", "Company relay", RoutingRule.NotificationDomain, "joerg", N, B },
        {
            "specific2@other.example.org", "Company relay", RoutingRule.NotificationDomain,
            "specific2", N, B
        },
        {
            "\"admin@example.com\" <x@outside.test>", "Company relay",
            RoutingRule.NotificationDomain, "admin@example.com", N, B
        },
        {
            "\"john doe\"@outside.test", "Company relay", RoutingRule.NotificationDomain,
            "john doe", N, B
        },
        { null, "Company relay", RoutingRule.NotificationDomain, null, N, B },
        { "  ", "Company relay", RoutingRule.NotificationDomain, null, N, B },
    };

    [Theory]
    [MemberData(nameof(Matches))]
    public void Cascade_picks_the_server_and_sender_R5_gives(
        string? from,
        string server,
        RoutingRule rule,
        string? headerName,
        string headerAddress,
        string envelope)
    {
        var decision = Decide(CatalogueTable, from);

        Assert.Equal((server, rule), (decision.ServerName, decision.Rule));
        AssertHeaderFrom(decision, headerName, headerAddress);
        Assert.Equal(envelope, decision.EnvelopeFrom, ignoreCase: true);
        Assert.Equal("catchall@company-name.nightpos.com", decision.ReplyTo);
        Assert.Empty(decision.Warnings);
        Assert.Contains($"'{server}'", decision.Explanation);
        Assert.Contains(envelope == B ? "allows the bounce" : "does not allow the bounce", decision.Explanation);
    }

    [Fact]
    public void Whole_address_on_a_later_server_beats_a_domain_on_an_earlier_one()
    {
        var config = new TestConfiguration();
        config.AddServer("Domain first", "test.mycompany.com", priority: 0);
        config.AddServer("Address later", "specific_user@test.mycompany.com", priority: 9);

        var decision = Decide(config.Compile(), "specific_user@test.mycompany.com");

        Assert.Equal(("Address later", RoutingRule.Address), (decision.ServerName, decision.Rule));
    }

    [Fact]
    public void Notification_address_on_a_later_server_beats_its_domain_on_an_earlier_one()
    {
        var config = new TestConfiguration();
        config.AddServer("Domain first", "company-name.nightpos.com", priority: 0);
        config.AddServer("Address later", N, priority: 9);

        var decision = Decide(config.Compile(), "\"Mary\" <mary@customer.example>");

        Assert.Equal(
            ("Address later", RoutingRule.NotificationAddress),
            (decision.ServerName, decision.Rule));
        AssertHeaderFrom(decision, "Mary", N);
    }

    [Theory]
    [InlineData(null, "Open relay", RoutingRule.NoFilter)]
    [InlineData("", "Open relay", RoutingRule.NoFilter)]
    [InlineData(" , ,", "Open relay", RoutingRule.NoFilter)]
    [InlineData("alpha.example.com, ,", "Listed relay", RoutingRule.FirstServer)]
    public void Only_a_filter_without_entries_is_empty(
        string? filter,
        string server,
        RoutingRule rule)
    {
        var config = new TestConfiguration();
        config.AddServer("Listed relay", "alpha.example.com", priority: 1);
        config.AddServer(filter is null or "" or " , ," ? "Open relay" : "Other relay", filter, 2);

        var decision = Decide(config.Compile(), "mary@customer.example");

        Assert.Equal((server, rule), (decision.ServerName, decision.Rule));
    }

    [Fact]
    public void First_server_is_used_with_a_warning_when_no_filter_allows_the_sender()
    {
        var config = new TestConfiguration();
        config.AddServer("Second", "beta.example.com", priority: 2);
        config.AddServer("First", "alpha.example.com", priority: 1);

        var decision = Decide(config.Compile(), "\"Mary\" <mary@customer.example>");

        Assert.Equal(("First", RoutingRule.FirstServer), (decision.ServerName, decision.Rule));
        AssertHeaderFrom(decision, "Mary", N);
        Assert.Equal(N, decision.EnvelopeFrom);
        Assert.Contains(decision.Warnings, w => w.Contains("may refuse the sender"));
    }

    [Fact]
    public void Servers_tie_on_priority_by_name_ignoring_case_then_by_creation()
    {
        var config = new TestConfiguration();
        var beta = config.AddServer("Beta relay", "partner.example.com", priority: 5);
        var alpha = config.AddServer("alpha relay", "partner.example.com", priority: 5);
        var relay = config.AddServer("relay", "other.example.com", priority: 7);
        config.AddServer("Relay", "other.example.com", priority: 7);
        config.AddServer("Archived", "partner.example.com, other.example.com", 1, active: false);
        var table = config.Compile();

        Assert.Equal(alpha, Decide(table, "a@partner.example.com").ServerId);
        Assert.Equal(relay, Decide(table, "a@other.example.com").ServerId);
        Assert.NotEqual(beta, Decide(table, "a@partner.example.com").ServerId);
    }

    [Theory]
    // parameter, from, header name, header address, envelope
    [InlineData("", "\"Mary\" <mary@customer.example>", "Mary", "mary@customer.example", B)]
    [InlineData("company-name.nightpos.com", "\"Mary\" <mary@customer.example>", "Mary", N, B)]
    [InlineData("company-name.nightpos.com", "mary@customer.example", "mary", N, B)]
    [InlineData("customer.example", "mary@customer.example", null, "mary@customer.example", "mary@customer.example")]
    [InlineData(
        "mary@customer.example",
        "Mary@Customer.Example",
        null,
        "Mary@customer.example",
        "Mary@customer.example")]
    [InlineData("test.mycompany.com", "mary@customer.example", "mary", N, N)]
    [InlineData("nightpos.com", "mary@company-name.nightpos.com", "mary", N, N)]
    public void Default_server_lets_the_parameter_decide_while_no_server_is_active(
        string parameter,
        string from,
        string? headerName,
        string headerAddress,
        string envelope)
    {
        var config = new TestConfiguration().WithDefaultFromFilter(parameter);
        config.AddServer("Archived open relay", null, priority: 0, active: false);

        var decision = Decide(config.Compile(), from);

        Assert.Equal((null, RoutingRule.DefaultServer), (decision.ServerId, decision.Rule));
        AssertHeaderFrom(decision, headerName, headerAddress);
        Assert.Equal(envelope, decision.EnvelopeFrom, ignoreCase: true);
    }

    [Fact]
    public void Default_server_parameter_is_ignored_once_a_server_is_active()
    {
        var config = new TestConfiguration().WithDefaultFromFilter("customer.example");
        config.AddServer("Company relay", "company-name.nightpos.com");

        var decision = Decide(config.Compile(), "mary@customer.example");

        Assert.Equal(RoutingRule.NotificationDomain, decision.Rule);
    }

    [Theory]
    // server filter, from, header name, header address, envelope, warns
    [InlineData("company-name.nightpos.com", "user_1@test-2.com", "user_1", N, B, false)]
    [InlineData("test-2.com", "\"U\" <user_1@test-2.com>", "U", "user_1@test-2.com", "user_1@test-2.com", false)]
    [InlineData(null, "\"U\" <user_1@test-2.com>", "U", "user_1@test-2.com", B, false)]
    [InlineData("elsewhere.example", "\"U\" <user_1@test-2.com>", "U", N, N, true)]
    [InlineData("elsewhere.example", null, null, N, N, true)]
    public void Explicit_server_keeps_the_author_only_when_its_filter_allows_it(
        string? filter,
        string? from,
        string? headerName,
        string headerAddress,
        string envelope,
        bool warns)
    {
        var config = new TestConfiguration();
        config.AddServer("Best match", "test-2.com, company-name.nightpos.com", priority: 0);
        var forced = config.AddServer("Forced", filter, priority: 99);

        var decision = Decide(config.Compile(), from, server: forced);

        Assert.Equal((forced, RoutingRule.Explicit), (decision.ServerId, decision.Rule));
        AssertHeaderFrom(decision, headerName, headerAddress);
        Assert.Equal(envelope, decision.EnvelopeFrom);
        Assert.Equal(warns, decision.Warnings.Count > 0);
    }

    [Theory]
    [InlineData(MailKind.Mass, null, "Marketing relay", RoutingRule.Dedicated)]
    [InlineData(MailKind.Transactional, null, "Transactional relay", RoutingRule.Domain)]
    [InlineData(MailKind.Mass, "Transactional relay", "Transactional relay", RoutingRule.Explicit)]
    public void Dedicated_server_carries_mass_mail_unless_a_server_is_named(
        MailKind kind,
        string? named,
        string server,
        RoutingRule rule)
    {
        var config = new TestConfiguration();
        var transactional = config.AddServer("Transactional relay", "company-name.nightpos.com", 1);
        var marketing = config.AddServer("Marketing relay", "news.example.com", 5);
        config.WithDedicatedServer(marketing);

        var decision = Decide(
            config.Compile(),
            "\"Mary\" <mary@company-name.nightpos.com>",
            kind: kind,
            server: named is null ? null : transactional);

        Assert.Equal((server, rule), (decision.ServerName, decision.Rule));
    }

    [Fact]
    public void Archived_dedicated_server_leaves_mass_mail_to_R5_with_a_warning()
    {
        var config = new TestConfiguration();
        config.AddServer("Company relay", "company-name.nightpos.com", 1);
        config.WithDedicatedServer(config.AddServer("Old marketing", null, 5, active: false));

        var decision = Decide(config.Compile(), "mary@customer.example", kind: MailKind.Mass);

        Assert.Equal(
            ("Company relay", RoutingRule.NotificationDomain),
            (decision.ServerName, decision.Rule));
        Assert.Contains(decision.Warnings, w => w.Contains("archived"));
    }

    public static TheoryData<string, string?, MailKind, bool, RoutingRule, string?> WholeAddress => new()
    {
        // description, from, kind, forced, rule, header name
        {
            "address rule", "bo@brand.example.org", MailKind.Transactional, false,
            RoutingRule.Domain, "bo"
        },
        {
            "display name kept", "\"Bo\" <bo@brand.example.org>", MailKind.Transactional, false,
            RoutingRule.Domain, "Bo"
        },
        {
            "outsider", "\"Mary\" <mary@customer.example>", MailKind.Transactional, false,
            RoutingRule.NotificationDomain, "Mary"
        },
        { "no author", null, MailKind.Transactional, false, RoutingRule.NotificationDomain, null },
        {
            "dedicated with an open filter", "\"Mary\" <mary@customer.example>", MailKind.Mass,
            false, RoutingRule.Dedicated, "Mary"
        },
        {
            "explicit allowing the author", "bo@brand.example.org", MailKind.Transactional, true,
            RoutingRule.Explicit, "bo"
        },
    };

    [Theory]
    [MemberData(nameof(WholeAddress))]
    public void Whole_address_default_from_is_the_From_of_every_message_of_its_companies(
        string description,
        string? from,
        MailKind kind,
        bool forced,
        RoutingRule rule,
        string? headerName)
    {
        var config = new TestConfiguration();
        var brand = config.AddAliasDomain("brand.example.org", defaultFrom: "news@brand-mail.example.org");
        var company = config.AddCompany("Brand", brand);
        var relay = config.AddServer("Brand relay", "brand.example.org, brand-mail.example.org", 10);
        config.WithDedicatedServer(config.AddServer("Bulk relay", null, 50));

        var decision = Decide(
            config.Compile(), from, company, kind, forced ? relay : null);

        Assert.Equal(rule, decision.Rule);
        AssertHeaderFrom(decision, headerName, "news@brand-mail.example.org");
        Assert.Equal("bounce@brand.example.org", decision.EnvelopeFrom);
        Assert.Equal("catchall@brand.example.org", decision.ReplyTo);
        Assert.Contains("is the whole address news@brand-mail.example.org", decision.Explanation);
        Assert.DoesNotContain("From stays", decision.Explanation);
        Assert.False(string.IsNullOrEmpty(description));
    }

    [Fact]
    public void Whole_address_default_from_applies_on_the_default_server_too()
    {
        var config = new TestConfiguration();
        config.RenameAliases(config.DefaultAliasDomain, defaultFrom: N);

        var decision = Decide(config.Compile(), "\"Ernest\" <user.from@company-name.nightpos.com>");

        Assert.Equal(RoutingRule.DefaultServer, decision.Rule);
        AssertHeaderFrom(decision, "Ernest", N);
        Assert.Equal(B, decision.EnvelopeFrom);
    }

    [Fact]
    public void Second_company_routes_by_its_own_alias_domain()
    {
        var config = new TestConfiguration();
        var second = config.AddCompany(
            "Company 2",
            config.AddAliasDomain("test.mycompany2.com", "bounce.c2", "catchall.c2", "notifications.c2", 2));
        config.AddServer("Company relay", "company-name.nightpos.com", 0);
        config.AddServer("Second relay", "test.mycompany2.com", 5);

        var decision = Decide(config.Compile(), "\"Ernest\" <e.e@example.com>", second);

        Assert.Equal(("Second relay", RoutingRule.NotificationDomain), (decision.ServerName, decision.Rule));
        AssertHeaderFrom(decision, "Ernest", "notifications.c2@test.mycompany2.com");
        Assert.Equal("bounce.c2@test.mycompany2.com", decision.EnvelopeFrom);
        Assert.Equal("catchall.c2@test.mycompany2.com", decision.ReplyTo);
    }

    [Fact]
    public void Envelope_is_the_bounce_address_when_a_whole_address_entry_allows_it()
    {
        var config = new TestConfiguration();
        config.AddServer("Relay", $"customer.example, {B}");

        var decision = Decide(config.Compile(), "mary@customer.example");

        Assert.Equal((RoutingRule.Domain, B), (decision.Rule, decision.EnvelopeFrom));
    }

    public static TheoryData<string, string> HeaderEncodings => new()
    {
        // the author's display name, the header From MimeKit writes for it on N
        { "Mary", $"Mary <{N}>" },
        { "John Q. Public", $"\"John Q. Public\" <{N}>" },
        { "admin@mail.example.com", $"\"admin@mail.example.com\" <{N}>" },
        { "J\u00f6rg", $"=?utf-8?b?SsO2cmc=?= <{N}>" },
    };

    [Theory]
    [MemberData(nameof(HeaderEncodings))]
    public void Header_From_is_written_as_MimeKit_puts_it_on_the_wire(string name, string expected)
    {
        var config = new TestConfiguration();
        config.AddServer("Company relay", "company-name.nightpos.com");
        var from = new MailboxAddress(name, "someone@customer.example").ToString();

        var decision = Decide(config.Compile(), from);

        Assert.Equal(expected, decision.HeaderFrom);
        Assert.Equal($"From: {expected}", WrittenFromHeader(decision.HeaderFrom));
    }

    [Fact]
    public void Header_From_keeps_an_internationalised_domain_in_punycode()
    {
        var config = new TestConfiguration();
        config.AddServer("IDN relay", "ex\u00e4mple.com");

        var decision = Decide(config.Compile(), "\"J\u00f6rg\" <joerg@ex\u00e4mple.com>");

        Assert.Equal("=?utf-8?b?SsO2cmc=?= <joerg@xn--exmple-cua.com>", decision.HeaderFrom);
        Assert.Equal("joerg@xn--exmple-cua.com", decision.EnvelopeFrom);
    }

    public static TheoryData<string, string?, Guid?, string, int> Refusals => new()
    {
        // case, from, server, field, status
        { "two mailboxes", "a@example.com, b@example.com", null, "from", 400 },
        { "a group", "team: a@example.com, b@example.com;", null, "from", 400 },
        { "no address", "Mary", null, "from", 400 },
        {
            "a header smuggled in", "Mary <mary@example.com>\r\nBcc: all@example.com", null,
            "from", 400
        },
        { "a bare line feed", "mary@example.com\n", null, "from", 400 },
        { "an unknown server", "mary@example.com", Guid.NewGuid(), "serverId", 404 },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Bad_requests_are_refused_naming_the_field(
        string description,
        string? from,
        Guid? server,
        string field,
        int status)
    {
        var refused = Assert.Throws<RouteRefusedException>(
            () => Decide(CatalogueTable, from, server: server));

        Assert.Equal((field, status), (refused.Field, refused.Status));
        Assert.Contains(field, refused.Message);
        Assert.False(string.IsNullOrEmpty(description));
    }

    [Fact]
    public void Archived_server_cannot_be_forced()
    {
        var config = new TestConfiguration();
        var archived = config.AddServer("Archived relay", null, active: false);

        var refused = Assert.Throws<RouteRefusedException>(
            () => Decide(config.Compile(), "mary@example.com", server: archived));

        Assert.Equal(("serverId", 400), (refused.Field, refused.Status));
        Assert.Contains("archived", refused.Message);
    }

    [Fact]
    public void Unknown_company_is_refused_as_not_found()
    {
        var refused = Assert.Throws<RouteRefusedException>(
            () => Decide(CatalogueTable, "mary@example.com", Guid.NewGuid()));

        Assert.Equal(("companyId", 404), (refused.Field, refused.Status));
    }

    private static TestConfiguration CatalogueConfiguration()
    {
        var config = new TestConfiguration();
        config.AddServer("Domain relay", "example.com", priority: 0);
        config.AddServer("Mail relay", "Mail.Example.COM", priority: 1);
        config.AddServer("Address relay", "admin@example.com, specific@other.example.org", 5);
        config.AddServer("IDN relay", "ex\u00e4mple.de", priority: 6);
        config.AddServer("Company relay", "company-name.nightpos.com", priority: 8);
        config.AddServer("Open relay", null, priority: 9);
        return config;
    }

    private static RouteDecision Decide(
        RoutingTable table,
        string? from,
        Guid? company = null,
        MailKind kind = MailKind.Transactional,
        Guid? server = null) =>
        RoutingPolicy.Decide(table, new RouteRequest(company, from, kind, server));

    private static void AssertHeaderFrom(RouteDecision decision, string? name, string address)
    {
        var mailbox = MailboxAddress.Parse(decision.HeaderFrom);

        Assert.Equal(name ?? "", mailbox.Name);
        Assert.Equal(address, mailbox.GetAddress(idnEncode: true), ignoreCase: true);
    }

    // The From line MimeKit writes when the decision's value becomes a message's From, unfolded.
    private static string WrittenFromHeader(string headerFrom)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(headerFrom));
        message.Body = new TextPart("plain") { Text = "x" };
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        var text = System.Text.Encoding.ASCII.GetString(stream.ToArray());
        var line = text.Split("\n").First(l => l.StartsWith("From:", StringComparison.Ordinal));
        return line.TrimEnd('\r');
    }
}
