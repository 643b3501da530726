using System.Text;
using System.Text.Json;
using Alba;
using MimeKit;
using NightPos.Testing;

namespace NightPos.Reliability.Tests;

/// <summary>
/// What leaves the host over SMTP, read byte for byte by a bare peer on loopback (SPEC R17,
/// RFC 5321 4.5.2): CRLF line ends only, every line starting with a dot stuffed, no header
/// added through a field of <c>POST /api/messages</c>, and no mail in clear to a server that
/// was configured for STARTTLS and does not offer it. The library-level checks of the same
/// rules (bare CR, certificates, STARTTLS against smtp-sink) are in NightPos.Dispatch.Tests.
/// </summary>
public sealed class SmtpHygieneTests(HygieneHost host) : IClassFixture<HygieneHost>
{
    private static readonly HashSet<string> ExpectedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "From", "Reply-To", "To", "Cc", "Subject", "Date", "Message-ID", "MIME-Version",
        "Content-Type", "Content-Transfer-Encoding",
    };

    public static TheoryData<string, string> DottedBodies => new()
    {
        { "before\n.\nafter", "\r\n..\r\n" },
        { "..x\n.x\nend", "\r\n...x\r\n..x\r\n" },
        { "a\r\n.\r\nb", "\r\n..\r\n" },
        { ".", "\r\n\r\n.." },
        { "one\rtwo\n.\rthree\r\r\n.", "\r\n..\r\n" },
    };

    public static TheoryData<string, string> SneakyHeaderValues => new()
    {
        { "subject", "Hi\u2028Bcc: victim@evil.example" },
        { "subject", "Hi\u2029Bcc: victim@evil.example" },
        { "subject", "Hi\u0085Bcc: victim@evil.example" },
        { "subject", "Hi\u000BBcc: victim@evil.example" },
        { "subject", "Hi\u000CBcc: victim@evil.example" },
        { "subject", "Hi\tBcc: victim@evil.example" },
        { "subject", "Hi =?utf-8?Q?=0D=0ABcc:_victim@evil.example?=" },
        { "from", "\"Mary\u2028Bcc: victim@evil.example\" <mary@elsewhere.example>" },
        { "from", "\"Mary\\\"\u0085Bcc: victim@evil.example\" <mary@elsewhere.example>" },
        { "to", "\"Bob\u2028Bcc: victim@evil.example\" <bob@example.com>" },
        { "to", "=?utf-8?B?Qm9iDQpCY2M6IHZpY3RpbUBldmlsLmV4YW1wbGU=?= <bob@example.com>" },
        { "replyTo", "\"Help\u2028Bcc: victim@evil.example\" <help@example.com>" },
    };

    [Theory]
    [MemberData(nameof(DottedBodies))]
    public async Task Body_lines_starting_with_a_dot_leave_stuffed_and_with_CRLF_only(
        string text,
        string stuffed)
    {
        var data = await SendAndCaptureAsync(new { to = new[] { "bob@example.com" }, text });

        AssertNoBareLineEnds(data);
        Assert.Contains(stuffed, Encoding.ASCII.GetString(data));
        var received = Parse(data);
        // The wire held CRLF only (above); MimeKit hands the decoded text back with LF.
        var body = received.TextBody ?? "";
        Assert.Equal(Lf(text).TrimEnd('\n'), Lf(body).TrimEnd('\n'));
    }

    [Theory]
    [MemberData(nameof(SneakyHeaderValues))]
    public async Task Header_values_that_look_like_line_breaks_add_no_header_on_the_wire(
        string field,
        string value)
    {
        var body = new Dictionary<string, object>
        {
            ["to"] = new[] { field == "to" ? value : "bob@example.com" },
            ["text"] = "Hello",
        };
        if (field != "to")
        {
            body[field] = value;
        }

        var data = await SendAndCaptureAsync(body);

        AssertNoBareLineEnds(data);
        var names = HeaderNames(data);
        Assert.All(names, name => Assert.Contains(name, ExpectedHeaders));
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var received = Parse(data);
        Assert.Empty(received.Bcc);
        Assert.Equal("bob@example.com", Assert.Single(received.To.Mailboxes).Address);
        Assert.DoesNotContain(host.Peer.Commands, c => c.Contains("victim@evil.example"));
    }

    [Fact]
    public async Task Starttls_server_that_offers_none_fails_as_tls_before_any_mail_command()
    {
        await using var peer = RawSmtpPeer.Start();
        await using var app = await HygieneHost.StartAsync(peer.Port);
        await app.Host.Scenario(s =>
        {
            s.Post.Json(new
            {
                name = "Needs TLS",
                host = "127.0.0.1",
                port = peer.Port,
                encryption = "starttls",
                authentication = "login",
                username = "mary",
                password = "never-in-clear",
            }).ToUrl("/api/servers");
            s.AsAdmin();
            s.StatusCodeShouldBe(201);
        });

        var id = (await SendAsync(app.Host, new { to = new[] { "bob@example.com" } })).Id;

        var message = await WaitForAsync(app.Host, id, m => m.GetProperty("state").GetString()
            is "failed" or "sent");
        Assert.Equal("failed", message.GetProperty("state").GetString());
        Assert.Equal("tls", message.GetProperty("failureType").GetString());
        Assert.NotEmpty(peer.Commands);
        Assert.All(peer.Commands, c => Assert.Matches("^(EHLO|HELO|QUIT)( |$)", c));
        Assert.Empty(peer.Data);
    }

    private async Task<byte[]> SendAndCaptureAsync(object body)
    {
        var (_, messageId) = await SendAsync(host.App.Host, body);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var data = host.Peer.Data.FirstOrDefault(d => Encoding.ASCII.GetString(d)
                .Contains($"Message-ID: {messageId}", StringComparison.OrdinalIgnoreCase));
            if (data is not null)
            {
                return data;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{messageId} never reached the peer, "
                + $"which got {host.Peer.Data.Count} messages and these commands: "
                + string.Join(" | ", host.Peer.Commands.TakeLast(8)));
            await Task.Delay(50);
        }
    }

    internal static async Task<(Guid Id, string MessageId)> SendAsync(IAlbaHost app, object body)
    {
        var result = await app.Scenario(s =>
        {
            s.Post.Json(body).ToUrl("/api/messages");
            s.AsSender();
            s.StatusCodeShouldBe(202);
        });
        var answer = await result.ReadAsJsonAsync<JsonElement>();
        return (answer.GetProperty("id").GetGuid(), answer.GetProperty("messageId").GetString()!);
    }

    internal static async Task<JsonElement> WaitForAsync(
        IAlbaHost app,
        Guid id,
        Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var result = await app.Scenario(s =>
            {
                s.Get.Url($"/api/messages/{id}");
                s.AsAdmin();
            });
            var message = await result.ReadAsJsonAsync<JsonElement>();
            if (condition(message))
            {
                return message;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Message {id} never got there: {message}");
            await Task.Delay(100);
        }
    }

    private static void AssertNoBareLineEnds(byte[] data)
    {
        for (var i = 0; i < data.Length; i++)
        {
            var bareCr = data[i] == '\r' && (i + 1 == data.Length || data[i + 1] != '\n');
            var bareLf = data[i] == '\n' && (i == 0 || data[i - 1] != '\r');
            Assert.False(bareCr || bareLf, $"A bare {(bareCr ? "CR" : "LF")} at byte {i}.");
        }
    }

    // The names of the header fields as sent, folded lines joined to their field.
    private static List<string> HeaderNames(byte[] data)
    {
        var text = Encoding.ASCII.GetString(data);
        var section = text[..text.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        return section.Split("\r\n")
            .Where(line => line.Length > 0 && line[0] is not (' ' or '\t'))
            .Select(line => line[..Math.Max(0, line.IndexOf(':'))])
            .ToList();
    }

    private static MimeMessage Parse(byte[] data)
    {
        using var stream = new MemoryStream(Encoding.ASCII.GetBytes(RawSmtpPeer.Unstuff(data)));
        return MimeMessage.Load(stream);
    }

    private static string Lf(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');
}
