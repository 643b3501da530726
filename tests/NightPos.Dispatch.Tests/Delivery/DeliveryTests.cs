using System.Text.Json;
using Alba;
using NightPos.Dispatch.Messages;
using NightPos.Dispatch.Tests.Hosting;
using NightPos.Dispatch.Tests.Peers;

namespace NightPos.Dispatch.Tests.Delivery;

/// <summary>
/// Messages through the real host into real SMTP servers on loopback: sent, deferred and
/// retried, failed per recipient (SPEC R11).
/// </summary>
public sealed class DeliveryTests(DispatchHost host)
{
    private IAlbaHost Host => host.App.Host;

    [Fact]
    public async Task Delivery_marks_the_message_sent_with_the_server_reply()
    {
        var domain = Recorded.NewDomain();
        var received = host.Smtp.Script(domain);

        var (id, messageId) = await Host.SendAsync(new
        {
            from = "\"Mary\" <mary@company-name.nightpos.com>",
            to = new[] { $"bob@{domain}" },
            subject = "Quotation",
            text = "Hello.",
        });

        var message = await Host.WaitForStateAsync(id, "sent");
        Assert.Equal(JsonValueKind.Null, message.GetProperty("serverId").ValueKind);
        Assert.Equal(
            "bounce@company-name.nightpos.com", message.GetProperty("envelopeFrom").GetString());
        Assert.Equal(1, message.GetProperty("attempts").GetInt32());
        var recipient = message.GetProperty("recipients")[0];
        Assert.StartsWith("250 2.0.0 Ok: queued as", recipient.GetProperty("reply").GetString());
        var copy = Assert.Single(received());
        Assert.Equal(messageId, $"<{copy.Parse().MessageId}>");
        Assert.Equal("bounce@company-name.nightpos.com", copy.EnvelopeFrom);
        Assert.Null(await Host.ContentOfAsync(id));
    }

    [Fact]
    public async Task Delivery_puts_the_threading_headers_on_the_wire()
    {
        var domain = Recorded.NewDomain();
        var received = host.Smtp.Script(domain);

        var (id, _) = await Host.SendAsync(new
        {
            from = "mary@company-name.nightpos.com",
            to = new[] { $"bob@{domain}" },
            subject = "Re: S00042",
            text = "Friday is fine.",
            inReplyTo = "post.2@company-name.nightpos.com",
            references = new[]
            {
                "<thread.1@company-name.nightpos.com>", "post.2@company-name.nightpos.com",
            },
        });

        await Host.WaitForStateAsync(id, "sent");
        var copy = Assert.Single(received()).Parse();
        Assert.Equal("post.2@company-name.nightpos.com", copy.InReplyTo);
        Assert.Equal(
            ["thread.1@company-name.nightpos.com", "post.2@company-name.nightpos.com"],
            copy.References);
    }

    [Fact]
    public async Task Delivery_defers_on_451_then_sends_with_the_same_Message_ID()
    {
        var domain = Recorded.NewDomain();
        var received = host.Smtp.Script(domain, data: n => n == 1
            ? TestSmtpServer.Reply(451, "4.3.0 Try again later")
            : null);

        var (id, messageId) = await Host.SendAsync(new { to = new[] { $"bob@{domain}" } });

        await Host.WaitForStateAsync(id, "deferred");
        var message = await Host.WaitForStateAsync(id, "sent");
        Assert.Equal(2, message.GetProperty("attempts").GetInt32());
        var events = (await Host.EventsOfAsync(id)).Select(e => e.Data).ToList();
        var deferred = Assert.Single(events.OfType<MessageDeferred>());
        Assert.Equal(("temporary_failure", 1), (deferred.Reason, deferred.Attempt));
        Assert.StartsWith("451 4.3.0", deferred.Reply);
        Assert.True(events.IndexOf(deferred) < events.FindIndex(e => e is MessageDispatched));
        Assert.Equal(messageId, $"<{Assert.Single(received()).Parse().MessageId}>");
    }

    [Fact]
    public async Task Delivery_fails_the_one_refused_recipient_of_three_and_sends_the_others()
    {
        var domain = Recorded.NewDomain();
        var received = host.Smtp.Script(domain, recipient: r => r.StartsWith("bob@")
            ? TestSmtpServer.Reply(550, "5.1.1 Recipient address rejected: User unknown")
            : null);

        var (id, _) = await Host.SendAsync(new
        {
            to = new[] { $"ann@{domain}", $"bob@{domain}" },
            bcc = new[] { $"cid@{domain}" },
        });

        var message = await Host.WaitForStateAsync(id, "sent");
        Assert.Equal("invalid_recipient", message.GetProperty("failureType").GetString());
        var states = message.GetProperty("recipients").EnumerateArray()
            .ToDictionary(
                r => r.GetProperty("address").GetString()!,
                r => r.GetProperty("state").GetString());
        Assert.Equal("failed", states[$"bob@{domain}"]);
        Assert.Equal("sent", states[$"ann@{domain}"]);
        Assert.Equal("sent", states[$"cid@{domain}"]);
        var copy = Assert.Single(received());
        Assert.Equal([$"ann@{domain}", $"cid@{domain}"], copy.Recipients);
        Assert.DoesNotContain("cid@", copy.Parse().Headers.ToString());
    }

    [Fact]
    public async Task Delivery_fails_every_recipient_refused_for_good()
    {
        var domain = Recorded.NewDomain();
        host.Smtp.Script(domain, data: _ => TestSmtpServer.Reply(554, "5.7.1 Message rejected"));

        var (id, _) = await Host.SendAsync(new { to = new[] { $"bob@{domain}" } });

        var message = await Host.WaitForStateAsync(id, "failed");
        Assert.Equal("message_refused", message.GetProperty("failureType").GetString());
        Assert.Null(await Host.ContentOfAsync(id));
    }
}
