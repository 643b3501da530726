using System.Text.Json;
using Alba;
using NightPos.Dispatch.Messages;
using NightPos.Dispatch.Tests.Hosting;
using NightPos.Dispatch.Tests.Peers;
using NightPos.Testing;

namespace NightPos.Dispatch.Tests.Delivery;

/// <summary>
/// Delivery through outgoing server records of the Servers module: the stored password, the
/// forced server, a server deleted while a message waits, and a <c>cli</c> record. Each test
/// has a host of its own, since every active server takes part in routing (SPEC R5-R7).
/// </summary>
public sealed class ServerRecordTests : IAsyncLifetime
{
    private DispatchHost _host = null!;

    private IAlbaHost Host => _host.App.Host;

    public async ValueTask InitializeAsync() => _host = await DispatchHost.StartAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Forced_login_server_carries_the_message_with_its_stored_password()
    {
        await using var smtp = await TestSmtpServer.StartAsync(login: ("mary", "s3cret"));
        var serverId = await AddServerAsync(smtp.Port, username: "mary", password: "s3cret");

        var (id, _) = await Host.SendAsync(new { to = new[] { "bob@example.com" }, serverId });

        var message = await Host.WaitForStateAsync(id, "sent");
        Assert.Equal(serverId, message.GetProperty("serverId").GetGuid());
        Assert.Equal("explicit", message.GetProperty("rule").GetString());
        Assert.Single(smtp.Received);
        Assert.Empty(_host.Smtp.Received);
    }

    [Fact]
    public async Task Forced_archived_server_is_refused_and_nothing_is_recorded()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        var serverId = await AddServerAsync(smtp.Port);
        await Host.Scenario(s =>
        {
            s.Patch.Json(new { active = false }).ToUrl($"/api/servers/{serverId}");
            s.AsAdmin();
            s.StatusCodeShouldBeOk();
        });
        var domain = Recorded.NewDomain();

        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new { to = new[] { $"bob@{domain}" }, serverId }).ToUrl("/api/messages");
            s.AsSender();
            s.IgnoreStatusCode();
        });

        var problem = await result.ReadAsJsonAsync<JsonElement>();
        Assert.Contains(problem.GetProperty("status").GetInt32(), new[] { 400, 404, 409 });
        Assert.Contains("serverId", problem.GetProperty("detail").GetString());
        Assert.Empty(await Host.QueuedForAsync(domain));
    }

    [Fact]
    public async Task Message_waiting_for_a_server_deleted_since_is_routed_again()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        smtp.DataReply = _ => TestSmtpServer.Reply(451, "4.3.0 Not now");
        var serverId = await AddServerAsync(smtp.Port);

        var (id, messageId) = await Host.SendAsync(new { to = new[] { "bob@example.com" } });
        await Host.WaitForStateAsync(id, "deferred");
        await Host.Scenario(s =>
        {
            s.Delete.Url($"/api/servers/{serverId}");
            s.AsAdmin();
            s.StatusCodeShouldBe(204);
        });

        var message = await Host.WaitForStateAsync(id, "sent");
        Assert.Equal(JsonValueKind.Null, message.GetProperty("serverId").ValueKind);
        Assert.Equal("default-server", message.GetProperty("rule").GetString());
        var routes = (await Host.EventsOfAsync(id)).Select(e => e.Data).OfType<MessageRouted>();
        Assert.Equal([serverId, null], routes.Select(r => r.ServerId));
        Assert.Equal(messageId, $"<{Assert.Single(_host.Smtp.Received).Parse().MessageId}>");
    }

    [Fact]
    public async Task Cli_server_record_connects_to_the_default_server_and_counts_against_the_limit()
    {
        var serverId = await AddServerAsync(port: 2525, authentication: "cli");

        var (id, _) = await Host.SendAsync(new { to = new[] { "bob@example.com" } });

        var message = await Host.WaitForStateAsync(id, "sent");
        Assert.Equal(serverId, message.GetProperty("serverId").GetGuid());
        Assert.Single(_host.Smtp.Received);
        var usage = await (await Host.Scenario(s =>
        {
            s.Get.Url("/api/usage/daily");
            s.AsSender();
        })).ReadAsJsonAsync<JsonElement>();
        Assert.Equal(1, usage.GetProperty("used").GetInt32());
    }

    private async Task<Guid> AddServerAsync(
        int port,
        string authentication = "login",
        string? username = null,
        string? password = null)
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new
            {
                name = $"test {port}",
                host = "127.0.0.1",
                port,
                encryption = "none",
                authentication,
                username,
                password,
            }).ToUrl("/api/servers");
            s.AsAdmin();
            s.StatusCodeShouldBe(201);
        });
        return (await result.ReadAsJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
