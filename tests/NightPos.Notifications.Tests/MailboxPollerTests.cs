using Microsoft.AspNetCore.Hosting;
using NightPos.Testing;

namespace NightPos.Notifications.Tests;

/// <summary>
/// The IMAP poller against a real Dovecot on loopback, in a host of its own that polls every
/// second (SPEC R14).
/// </summary>
public sealed class MailboxPollerTests : IAsyncLifetime
{
    private DovecotServer _dovecot = null!;
    private NightPosApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _dovecot = await DovecotServer.StartAsync();
        _app = await NightPosApp.StartAsync(builder =>
        {
            builder.UseSetting("NightPos:Inbound:Imap:Host", _dovecot.Host);
            builder.UseSetting("NightPos:Inbound:Imap:Port", _dovecot.Port.ToString());
            builder.UseSetting("NightPos:Inbound:Imap:Encryption", "none");
            builder.UseSetting("NightPos:Inbound:Imap:Username", DovecotServer.Username);
            builder.UseSetting("NightPos:Inbound:Imap:Password", DovecotServer.Password);
            builder.UseSetting("NightPos:Inbound:Imap:Interval", "00:00:01");
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _dovecot.DisposeAsync();
    }

    [Fact]
    public async Task Poller_records_each_unseen_message_then_marks_it_seen()
    {
        var threads = new ThreadsApi(_app.Host);
        var inbound = new InboundApi(_app.Host);
        var thread = await threads.OpenAsync();
        await threads.FollowAsync(thread, "ines@company-name.test", ["discussions"], "inbox");
        var rootId = (await threads.GetAsync(thread)).GetProperty("messageId").GetString()!;
        var replyId = $"{Guid.NewGuid():N}@customer.test";
        var strayId = $"{Guid.NewGuid():N}@elsewhere.test";
        var oldId = $"{Guid.NewGuid():N}@customer.test";

        // Read before the poller started: it is no longer new, and stays out of the thread.
        await _dovecot.AppendAsync(Mail.Reply("mary@customer.test", "Old news.", rootId, [rootId],
            messageId: oldId), seen: true);
        await _dovecot.AppendAsync(Mail.Reply("mary@customer.test", "Friday is fine.", rootId,
            [rootId], messageId: replyId));
        await _dovecot.AppendAsync(Mail.Reply("stranger@elsewhere.test", "Pallets?",
            messageId: strayId));

        var seen = await Eventually.Until(_dovecot.SeenAsync,
            s => s.Contains(replyId) && s.Contains(strayId), what: "both messages to be seen");

        var messages = (await threads.GetAsync(thread)).GetProperty("messages");
        var post = Assert.Single(messages.EnumerateArray());
        Assert.Equal("Friday is fine.", post.GetProperty("body").GetString());
        Assert.Single((await threads.InboxAsync("ines@company-name.test")).EnumerateArray());
        Assert.Contains((await inbound.UnroutedAsync()).EnumerateArray(),
            m => m.GetProperty("messageId").GetString() == strayId);
        Assert.Equal(3, seen.Count);
    }

    [Fact]
    public async Task Message_fetched_again_after_a_crash_is_posted_once()
    {
        var threads = new ThreadsApi(_app.Host);
        var thread = await threads.OpenAsync();
        var rootId = (await threads.GetAsync(thread)).GetProperty("messageId").GetString()!;
        var replyId = $"{Guid.NewGuid():N}@customer.test";
        var raw = Mail.Reply("mary@customer.test", "Twice in the box.", rootId, [rootId],
            messageId: replyId);

        // A crash between recording and marking leaves the same message unseen: two copies.
        await _dovecot.AppendAsync(raw);
        await _dovecot.AppendAsync(raw);

        await Eventually.Until(_dovecot.SeenAsync, s => s.Count(id => id == replyId) == 2,
            what: "both copies to be seen");

        var messages = (await threads.GetAsync(thread)).GetProperty("messages");
        Assert.Single(messages.EnumerateArray());
    }
}
