using NightPos.Dispatch.Delivery;
using NightPos.Dispatch.Tests.Peers;
using NightPos.Servers.Contracts;

namespace NightPos.Dispatch.Tests.Delivery;

/// <summary>
/// The SMTP edge against real servers on loopback: what each reply and each fault becomes for
/// each recipient (SPEC R11, R17).
/// </summary>
public sealed class SmtpSenderTests : IAsyncLifetime
{
    private readonly DeliveryEdge _edge = new();
    private TestSmtpServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await TestSmtpServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _edge.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Sender_accepted_message_reports_the_server_reply_for_every_recipient()
    {
        var report = await _edge.SendAsync(
            DeliveryEdge.Target(_server.Port), ["a@example.com", "b@example.com"]);

        Assert.All(report.Outcomes, o => Assert.Equal(OutcomeKind.Accepted, o.Kind));
        Assert.All(report.Outcomes, o => Assert.StartsWith("250 2.0.0 Ok: queued as T1", o.Reply));
        var received = Assert.Single(_server.Received);
        Assert.Equal("bounce@company-name.nightpos.com", received.EnvelopeFrom);
        Assert.Equal(["a@example.com", "b@example.com"], received.Recipients);
    }

    [Fact]
    public async Task Sender_refused_recipient_fails_alone_while_the_others_are_sent()
    {
        _server.RecipientReply = r => r == "bob@example.com"
            ? TestSmtpServer.Reply(550, "5.1.1 <bob@example.com>: Recipient address rejected")
            : null;

        var report = await _edge.SendAsync(
            DeliveryEdge.Target(_server.Port),
            ["ann@example.com", "bob@example.com", "cid@example.com"]);

        var bob = Assert.Single(report.Outcomes, o => o.Address == "bob@example.com");
        Assert.Equal(OutcomeKind.Permanent, bob.Kind);
        Assert.Equal(FailureTypes.InvalidRecipient, bob.Word);
        Assert.StartsWith("550 5.1.1", bob.Reply);
        Assert.Equal(2, report.Outcomes.Count(o => o.Kind is OutcomeKind.Accepted));
        Assert.Equal(
            ["ann@example.com", "cid@example.com"], Assert.Single(_server.Received).Recipients);
    }

    [Theory]
    [InlineData(451, "4.7.1 Greylisted, try later", OutcomeKind.Transient, "temporary_failure")]
    [InlineData(452, "4.2.2 Mailbox full, for now", OutcomeKind.Transient, "temporary_failure")]
    [InlineData(552, "5.2.2 Mailbox full", OutcomeKind.Permanent, "mailbox_full")]
    [InlineData(553, "5.1.3 Bad address syntax", OutcomeKind.Permanent, "invalid_recipient")]
    [InlineData(550, "5.7.1 Relaying denied", OutcomeKind.Permanent, "invalid_recipient")]
    public async Task Sender_reads_a_recipient_refusal_by_its_reply(
        int code,
        string text,
        OutcomeKind kind,
        string word)
    {
        _server.RecipientReply = _ => TestSmtpServer.Reply(code, text);

        var report = await _edge.SendAsync(DeliveryEdge.Target(_server.Port), ["a@example.com"]);

        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal(kind, outcome.Kind);
        Assert.Equal(word, outcome.Word);
        Assert.Empty(_server.Received);
    }

    [Theory]
    [InlineData(451, OutcomeKind.Transient, "temporary_failure")]
    [InlineData(554, OutcomeKind.Permanent, "message_refused")]
    [InlineData(552, OutcomeKind.Permanent, "message_too_large")]
    public async Task Sender_reads_a_refused_DATA_for_every_accepted_recipient(
        int code,
        OutcomeKind kind,
        string word)
    {
        _server.DataReply = _ => TestSmtpServer.Reply(code, "Not now");

        var report = await _edge.SendAsync(
            DeliveryEdge.Target(_server.Port), ["a@example.com", "b@example.com"]);

        Assert.All(report.Outcomes, o => Assert.Equal((kind, word), (o.Kind, o.Word)));
    }

    [Fact]
    public async Task Sender_reuses_one_connection_for_messages_to_the_same_server()
    {
        var target = DeliveryEdge.Target(_server.Port);

        for (var i = 0; i < 5; i++)
        {
            var report = await _edge.SendAsync(target, [$"r{i}@example.com"]);
            Assert.Equal(OutcomeKind.Accepted, Assert.Single(report.Outcomes).Kind);
        }

        Assert.Equal(5, _server.Received.Count);
        Assert.Equal(1, _server.Sessions);
    }

    [Fact]
    public async Task Sender_opens_a_new_connection_when_the_server_closed_the_idle_one()
    {
        var target = DeliveryEdge.Target(_server.Port);
        await _edge.SendAsync(target, ["first@example.com"]);
        var port = _server.Port;
        await _server.DisposeAsync();
        _server = await TestSmtpServer.StartOnAsync(port);

        var report = await _edge.SendAsync(target, ["second@example.com"]);

        Assert.Equal(OutcomeKind.Accepted, Assert.Single(report.Outcomes).Kind);
        Assert.Single(_server.Received);
    }

    [Theory]
    [InlineData("one\rtwo\nthree\r\nfour\r\rfive")]
    [InlineData("\rstarts and ends with a bare CR\r")]
    [InlineData("bare LF at the end\n")]
    public async Task Sender_puts_no_bare_CR_or_LF_on_the_wire(string text)
    {
        var (message, content) = DeliveryEdge.Message(["a@example.com"], text, $"<p>{text}</p>");

        await _edge.SendAsync(DeliveryEdge.Target(_server.Port), message, content);

        var data = Assert.Single(_server.Received).Data;
        for (var i = 0; i < data.Length; i++)
        {
            if (data[i] == '\r')
            {
                Assert.True(i + 1 < data.Length && data[i + 1] == '\n', $"bare CR at byte {i}");
            }

            if (data[i] == '\n')
            {
                Assert.True(i > 0 && data[i - 1] == '\r', $"bare LF at byte {i}");
            }
        }

        // Decoded, each line end is one line end: no CR hid inside quoted-printable (=0D).
        var received = Assert.Single(_server.Received).Parse();
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n');
        Assert.Equal(lines, received.TextBody);
        Assert.Equal($"<p>{lines}</p>", received.HtmlBody);
    }

    [Fact]
    public async Task Sender_writes_the_headers_of_the_routing_decision()
    {
        var (message, content) = DeliveryEdge.Message(["a@example.com"]);

        await _edge.SendAsync(DeliveryEdge.Target(_server.Port), message, content);

        var received = Assert.Single(_server.Received).Parse();
        Assert.Equal(
            "\"Mary\" <notifications@company-name.nightpos.com>", received.From.ToString());
        Assert.Equal("catchall@company-name.nightpos.com", received.ReplyTo.ToString());
        Assert.Equal(message.MessageId, $"<{received.MessageId}>");
        Assert.Equal(message.QueuedAt.ToUnixTimeSeconds(), received.Date.ToUnixTimeSeconds());
        Assert.Equal("Quotation", received.Subject);
    }

    [Fact]
    public async Task Sender_reports_a_refused_connection_as_transient()
    {
        var port = _server.Port;
        await _server.DisposeAsync();
        _server = await TestSmtpServer.StartAsync();

        var report = await _edge.SendAsync(DeliveryEdge.Target(port), ["a@example.com"]);

        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal((OutcomeKind.Transient, DeferralReasons.ConnectionRefused),
            (outcome.Kind, outcome.Word));
    }

    [Fact]
    public async Task Sender_logs_in_with_the_stored_password()
    {
        await using var server = await TestSmtpServer.StartAsync(login: ("mary", "s3cret"));
        var target = DeliveryEdge.Target(
            server.Port, login: SmtpLogin.ServerPassword, username: "mary");
        var secrets = new StaticCredentials(new ServerSecrets("s3cret", null, null));

        var report = await _edge.SendAsync(target, ["a@example.com"], secrets);

        Assert.Equal(OutcomeKind.Accepted, Assert.Single(report.Outcomes).Kind);
    }

    [Fact]
    public async Task Sender_reports_refused_credentials_as_a_permanent_authentication_failure()
    {
        await using var server = await TestSmtpServer.StartAsync(login: ("mary", "s3cret"));
        var target = DeliveryEdge.Target(
            server.Port, login: SmtpLogin.ServerPassword, username: "mary");
        var secrets = new StaticCredentials(new ServerSecrets("S3cret", null, null));

        var report = await _edge.SendAsync(target, ["a@example.com"], secrets);

        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal(
            (OutcomeKind.Permanent, FailureTypes.Authentication), (outcome.Kind, outcome.Word));
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task Sender_body_text_arrives_intact()
    {
        var text = "Dear Mary,\r\n\r\nYour quotation Ü-2031 is ready.\r\n.\r\nA line with a dot.";

        await _edge.SendAsync(DeliveryEdge.Target(_server.Port), ["a@example.com"], text: text);

        var received = Assert.Single(_server.Received).Parse();
        Assert.Equal(text.Replace("\r\n", "\n"), received.TextBody);
    }
}
