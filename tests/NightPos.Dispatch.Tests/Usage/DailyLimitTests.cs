using System.Text.Json;
using Alba;
using Microsoft.Extensions.Time.Testing;
using NightPos.Dispatch.Messages;
using NightPos.Dispatch.Tests.Hosting;
using NightPos.Testing;

namespace NightPos.Dispatch.Tests.Usage;

/// <summary>
/// SPEC R10: the default server's daily limit, on a host whose clock the test moves.
/// </summary>
public sealed class DailyLimitTests
{
    [Fact]
    public async Task Daily_limit_holds_mail_over_it_until_the_next_UTC_day_then_sends_it()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 1, 1, 23, 59, 58, TimeSpan.Zero));
        await using var host = await DispatchHost.StartAsync(
            new Dictionary<string, string> { ["NightPos:DailyLimit"] = "1" }, clock);
        var app = host.App.Host;

        var (first, _) = await app.SendAsync(new { to = new[] { "ann@example.com" } });
        await app.WaitForStateAsync(first, "sent");
        var (second, _) = await app.SendAsync(new { to = new[] { "bob@example.com" } });
        var held = await app.WaitForStateAsync(second, "deferred");

        Assert.Equal(
            new DateTimeOffset(2031, 1, 2, 0, 0, 0, TimeSpan.Zero),
            held.GetProperty("nextAttemptAt").GetDateTimeOffset());
        var deferred = (await app.EventsOfAsync(second)).Select(e => e.Data)
            .OfType<MessageDeferred>().First();
        Assert.Equal("daily_limit", deferred.Reason);
        Assert.Equal(("2031-01-01", 1, 1), await UsageAsync(app));
        Assert.Single(host.Smtp.Received);

        clock.Advance(TimeSpan.FromSeconds(5));

        await app.WaitForStateAsync(second, "sent");
        Assert.Equal(("2031-01-02", 1, 1), await UsageAsync(app));
        Assert.Equal(2, host.Smtp.Received.Count);
    }

    [Fact]
    public async Task Daily_usage_counts_only_mail_the_default_server_took()
    {
        await using var host = await DispatchHost.StartAsync(
            new Dictionary<string, string> { ["NightPos:DailyLimit"] = "5" });
        var app = host.App.Host;
        host.Smtp.RecipientReply = r => r.StartsWith("refused")
            ? Peers.TestSmtpServer.Reply(550, "5.1.1 unknown")
            : null;

        var (sent, _) = await app.SendAsync(new { to = new[] { "ann@example.com" } });
        var (refused, _) = await app.SendAsync(new { to = new[] { "refused@example.com" } });
        await app.WaitForStateAsync(sent, "sent");
        await app.WaitForStateAsync(refused, "failed");

        var (_, used, limit) = await UsageAsync(app);
        Assert.Equal((1, 5), (used, limit));
    }

    private static async Task<(string Date, int Used, int Limit)> UsageAsync(IAlbaHost app)
    {
        var result = await app.Scenario(s =>
        {
            s.Get.Url("/api/usage/daily");
            s.AsAuditor();
            s.StatusCodeShouldBeOk();
        });
        var usage = await result.ReadAsJsonAsync<JsonElement>();
        return (usage.GetProperty("date").GetString()!, usage.GetProperty("used").GetInt32(),
            usage.GetProperty("limit").GetInt32());
    }
}
