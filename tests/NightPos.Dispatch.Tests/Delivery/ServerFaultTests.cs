using NightPos.Dispatch.Messages;
using NightPos.Dispatch.Tests.Hosting;
using NightPos.Dispatch.Tests.Peers;
using NightPos.Testing;

namespace NightPos.Dispatch.Tests.Delivery;

/// <summary>
/// A default server that misbehaves for a whole host: it drops the connection after DATA and
/// then goes away, it offers no STARTTLS, it never stops answering 4xx (SPEC R11, R17).
/// </summary>
public sealed class ServerFaultTests
{
    [Fact]
    public async Task Server_that_drops_after_DATA_then_is_down_defers_until_it_comes_back()
    {
        var sink = await PostfixSmtpSink.StartAsync("-q", ".");
        await using var host = await DispatchHost.StartAsync(new Dictionary<string, string>
        {
            ["NightPos:DefaultServer:Port"] = sink.Port.ToString(),
        });
        var app = host.App.Host;

        var (id, messageId) = await app.SendAsync(new { to = new[] { "bob@example.com" } });

        await app.WaitForAsync(id, m => m.GetProperty("attempts").GetInt32() >= 1
            && m.State() == "deferred");
        sink.Dispose();
        await app.WaitForAsync(id, m => m.GetProperty("attempts").GetInt32() >= 3);
        await using var back = await TestSmtpServer.StartOnAsync(sink.Port);
        await app.WaitForStateAsync(id, "sent");

        var reasons = (await app.EventsOfAsync(id)).Select(e => e.Data)
            .OfType<MessageDeferred>().Select(d => d.Reason).ToList();
        Assert.Equal("connection_lost", reasons[0]);
        Assert.Contains("connection_refused", reasons);
        Assert.Equal(messageId, $"<{Assert.Single(back.Received).Parse().MessageId}>");
    }

    [Fact]
    public async Task Server_configured_for_starttls_that_offers_none_fails_the_message_as_tls()
    {
        await using var host = await DispatchHost.StartAsync(new Dictionary<string, string>
        {
            ["NightPos:DefaultServer:Encryption"] = "starttls",
        });

        var (id, _) = await host.App.Host.SendAsync(new { to = new[] { "bob@example.com" } });

        var message = await host.App.Host.WaitForStateAsync(id, "failed");
        Assert.Equal("tls", message.GetProperty("failureType").GetString());
        Assert.Empty(host.Smtp.Received);
    }

    [Fact]
    public async Task Server_answering_4xx_beyond_the_lifetime_fails_the_message_as_expired()
    {
        await using var host = await DispatchHost.StartAsync(new Dictionary<string, string>
        {
            ["NightPos:Delivery:MaxLifetime"] = "3s",
        });
        host.Smtp.DataReply = _ => TestSmtpServer.Reply(451, "4.3.2 System not accepting mail");

        var (id, _) = await host.App.Host.SendAsync(new { to = new[] { "bob@example.com" } });

        var message = await host.App.Host.WaitForStateAsync(id, "failed");
        Assert.Equal("expired", message.GetProperty("failureType").GetString());
        Assert.True(message.GetProperty("attempts").GetInt32() >= 2);
    }
}
