using System.Text.Json;
using Alba;
using NightPos.Dispatch.Tests.Hosting;
using NightPos.Dispatch.Tests.Peers;
using NightPos.Testing;

namespace NightPos.Dispatch.Tests.Messages;

/// <summary>
/// <c>GET /api/messages</c> (the outgoing queue) and <c>GET /api/messages/{id}/lifecycle</c>
/// (one message's events), as the administration pages read them.
/// </summary>
public sealed class ListMessagesTests(DispatchHost host)
{
    private IAlbaHost Host => host.App.Host;

    [Fact]
    public async Task List_messages_filters_by_state_newest_first()
    {
        var domain = Recorded.NewDomain();
        host.Smtp.Script(domain, recipient: r => r.StartsWith("nobody@")
            ? TestSmtpServer.Reply(550, "5.1.1 no such user")
            : null);
        var (first, _) = await Host.SendAsync(new { to = new[] { $"a@{domain}" } });
        var (refused, _) = await Host.SendAsync(new { to = new[] { $"nobody@{domain}" } });
        var (second, _) = await Host.SendAsync(new { to = new[] { $"b@{domain}" } });
        await Host.WaitForStateAsync(first, "sent");
        await Host.WaitForStateAsync(refused, "failed");
        await Host.WaitForStateAsync(second, "sent");

        var sent = await ListAsync("/api/messages?state=sent&limit=1000");
        var failed = await ListAsync("/api/messages?state=failed&limit=1000");

        var sentIds = Ids(sent);
        Assert.True(sentIds.IndexOf(second) < sentIds.IndexOf(first), "newest first");
        Assert.DoesNotContain(refused, sentIds);
        Assert.Contains(refused, Ids(failed));
        Assert.All(sent.EnumerateArray(), m => Assert.Equal("sent", m.State()));
    }

    [Fact]
    public async Task List_messages_answers_the_shape_of_one_message_without_content()
    {
        var domain = Recorded.NewDomain();
        var (id, messageId) = await Host.SendAsync(
            new { to = new[] { $"a@{domain}" }, subject = "Secret plans", text = "Body text" });
        await Host.WaitForStateAsync(id, "sent");

        var listed = (await ListAsync("/api/messages?limit=1000")).EnumerateArray()
            .Single(m => m.GetProperty("id").GetGuid() == id);

        Assert.Equal(messageId, listed.GetProperty("messageId").GetString());
        Assert.Equal("default-server", listed.GetProperty("rule").GetString());
        Assert.DoesNotContain("Secret plans", listed.GetRawText());
        Assert.DoesNotContain("Body text", listed.GetRawText());
    }

    // Near misses of the state words: another casing, a number, an unknown word, an empty one.
    [Theory]
    [InlineData("state=Sent", "state")]
    [InlineData("state=1", "state")]
    [InlineData("state=delivered", "state")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    public async Task List_messages_refuses_a_bad_filter_naming_it(string query, string field)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/messages?{query}");
            s.AsAuditor();
            s.StatusCodeShouldBe(400);
        });

        var problem = await result.ReadAsJsonAsync<JsonElement>();
        Assert.Contains(field, problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Lifecycle_tells_queued_routed_and_dispatched_with_the_routing_reason()
    {
        var domain = Recorded.NewDomain();
        var (id, _) = await Host.SendAsync(new { to = new[] { $"a@{domain}" }, text = "Body" });
        await Host.WaitForStateAsync(id, "sent");

        var steps = await ListAsync($"/api/messages/{id}/lifecycle");

        var types = steps.EnumerateArray().Select(s => s.GetProperty("type").GetString()).ToList();
        Assert.Equal(["message_queued", "message_routed", "message_dispatched"], types);
        var routed = steps[1].GetProperty("data");
        Assert.Equal("default-server", routed.GetProperty("rule").GetString());
        Assert.False(string.IsNullOrWhiteSpace(routed.GetProperty("explanation").GetString()));
        Assert.DoesNotContain("Body", steps.GetRawText());
    }

    [Fact]
    public async Task Lifecycle_of_an_unknown_id_is_404_naming_the_id()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/messages/{Guid.NewGuid()}/lifecycle");
            s.AsAuditor();
            s.StatusCodeShouldBe(404);
        });

        var problem = await result.ReadAsJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("id", out _));
    }

    private async Task<JsonElement> ListAsync(string url)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.AsAuditor();
            s.StatusCodeShouldBeOk();
        });
        return await result.ReadAsJsonAsync<JsonElement>();
    }

    private static List<Guid> Ids(JsonElement list) =>
        list.EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).ToList();
}
