using System.Text.Json;
using Alba;
using NightPos.Dispatch.Tests.Peers;
using NightPos.Servers.Tests;
using NightPos.Testing;

namespace NightPos.Reliability.Tests;

/// <summary>
/// The SMTP hygiene promise about certificates (issue 7, SPEC R17, ADR 0019), end to end over
/// the API against a real TLS peer on loopback whose certificate no trusted authority signed:
/// refused as <c>tls</c> with nothing sent while the server record validates, delivered over
/// TLS once the record accepts invalid certificates, refused again once it no longer does.
/// Messages name their server, so that each test's servers carry only its own mail.
/// </summary>
public sealed class InvalidCertificateTests : IDisposable
{
    private const string Field = "acceptInvalidCertificate";

    private readonly TestAuthority _untrusted = TestAuthority.Create();

    public void Dispose() => _untrusted.Dispose();

    [Theory]
    [InlineData("starttls", false)]
    [InlineData("ssl", true)]
    public async Task Untrusted_certificate_fails_as_tls_and_nothing_is_sent(
        string encryption,
        bool implicitTls)
    {
        await using var peer = await TestSmtpServer.StartAsync(_untrusted.Server, implicitTls);
        await using var app = await HygieneHost.StartAsync(peer.Port);
        var serverId = await AddServerAsync(app.Host, peer.Port, encryption, accept: false);

        var message = await SendAndSettleAsync(app.Host, serverId);

        Assert.Equal("failed", message.GetProperty("state").GetString());
        Assert.Equal("tls", message.GetProperty("failureType").GetString());
        Assert.Empty(peer.Received);
    }

    [Theory]
    [InlineData("starttls", false)]
    [InlineData("ssl", true)]
    public async Task Record_that_accepts_invalid_certificates_delivers_over_tls_with_a_warning(
        string encryption,
        bool implicitTls)
    {
        var logs = new LogCapture();
        await using var peer = await TestSmtpServer.StartAsync(_untrusted.Server, implicitTls);
        await using var app = await HygieneHost.StartAsync(peer.Port, logs);
        var serverId = await AddServerAsync(app.Host, peer.Port, encryption, accept: true);

        var message = await SendAndSettleAsync(app.Host, serverId);

        Assert.Equal("sent", message.GetProperty("state").GetString());
        Assert.True(Assert.Single(peer.Received).OverTls);
        Assert.Contains(logs.Lines, line => line.StartsWith("Warning")
            && line.Contains("failed validation") && line.Contains(serverId.ToString()));
        Assert.DoesNotContain(logs.Lines, line => line.Contains("s3cret-relay"));
    }

    [Fact]
    public async Task Patch_turning_the_switch_on_and_off_takes_effect_and_the_history_lists_it()
    {
        await using var peer = await TestSmtpServer.StartAsync(_untrusted.Server);
        await using var app = await HygieneHost.StartAsync(peer.Port);
        var serverId = await AddServerAsync(app.Host, peer.Port, "starttls", accept: false);
        var refused = await SendAndSettleAsync(app.Host, serverId);

        await PatchAsync(app.Host, serverId, accept: true);
        var delivered = await SettleUntilAsync(app.Host, serverId, "sent");
        await PatchAsync(app.Host, serverId, accept: false);
        var refusedAgain = await SettleUntilAsync(app.Host, serverId, "failed");

        Assert.Equal("tls", refused.GetProperty("failureType").GetString());
        Assert.Equal("tls", refusedAgain.GetProperty("failureType").GetString());
        var received = peer.Received.Select(m => m.MessageId).ToList();
        Assert.Contains(delivered.GetProperty("messageId").GetString(), received);
        Assert.DoesNotContain(refused.GetProperty("messageId").GetString(), received);
        Assert.DoesNotContain(refusedAgain.GetProperty("messageId").GetString(), received);
        Assert.All(peer.Received, m => Assert.True(m.OverTls));
        var changes = await CertificateChangesAsync(app.Host, serverId);
        Assert.Equal([true, false], changes);
    }

    private static async Task<Guid> AddServerAsync(
        IAlbaHost app,
        int port,
        string encryption,
        bool accept)
    {
        var result = await app.Scenario(s =>
        {
            s.Post.Json(new Dictionary<string, object>
            {
                ["name"] = $"Internal relay {Guid.NewGuid():N}",
                ["host"] = "localhost",
                ["port"] = port,
                ["encryption"] = encryption,
                ["authentication"] = "login",
                ["username"] = "relay",
                ["password"] = "s3cret-relay",
                [Field] = accept,
            }).ToUrl("/api/servers");
            s.AsAdmin();
            s.StatusCodeShouldBe(201);
        });
        var server = await result.ReadAsJsonAsync<JsonElement>();
        Assert.Equal(accept, server.GetProperty(Field).GetBoolean());
        return server.GetProperty("id").GetGuid();
    }

    private static async Task PatchAsync(IAlbaHost app, Guid serverId, bool accept) =>
        await app.Scenario(s =>
        {
            s.Patch.Json(new Dictionary<string, object> { [Field] = accept })
                .ToUrl($"/api/servers/{serverId}");
            s.AsAdmin();
            s.StatusCodeShouldBeOk();
        });

    private static async Task<JsonElement> SendAndSettleAsync(IAlbaHost app, Guid serverId)
    {
        var (id, messageId) = await SmtpHygieneTests.SendAsync(
            app, new { to = new[] { "bob@example.com" }, serverId });
        var message = await SmtpHygieneTests.WaitForAsync(app, id, m =>
            m.GetProperty("state").GetString() is "sent" or "failed");
        Assert.Equal(messageId, message.GetProperty("messageId").GetString());
        return message;
    }

    // Delivery reads the server list through a cache that checks the configuration's revision
    // at most once a second (ServerDirectory): a message sent just after a change may still go
    // out under the old settings, so messages are sent until one settles as the change wants.
    private static async Task<JsonElement> SettleUntilAsync(
        IAlbaHost app,
        Guid serverId,
        string state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var message = await SendAndSettleAsync(app, serverId);
            if (message.GetProperty("state").GetString() == state)
            {
                return message;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No message became {state}: {message}");
        }
    }

    private static async Task<List<bool>> CertificateChangesAsync(IAlbaHost app, Guid serverId)
    {
        var result = await app.Scenario(s =>
        {
            s.Get.Url($"/api/history?stream={serverId}");
            s.AsAuditor();
        });
        var history = await result.ReadAsJsonAsync<JsonElement>();
        return history.EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "server_certificate_check_changed")
            .Select(e => e.GetProperty("data").GetProperty(Field).GetBoolean())
            .ToList();
    }
}
