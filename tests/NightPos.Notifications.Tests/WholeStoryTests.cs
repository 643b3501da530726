using System.Text.Json;
using Alba;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NightPos.Notifications.FanOut;
using NightPos.Notifications.Threads;
using NightPos.Testing;
using Wolverine;

namespace NightPos.Notifications.Tests;

/// <summary>
/// The whole story (SPEC R13, R14) against the real host, PostgreSQL and an SMTP server on
/// loopback as the default server: followers are told of a post, a customer's reply built
/// from the email she received comes back into the thread and is fanned out again.
/// </summary>
public sealed class WholeStoryTests : IAsyncLifetime
{
    private const string Mary = "mary@customer.test";
    private const string Sam = "sam@company-name.nightpos.com";
    private const string Ines = "ines@company-name.nightpos.com";
    private const string Carl = "carl@company-name.nightpos.com";
    private const string Catchall = "catchall@company-name.nightpos.com";

    private SmtpSink _sink = null!;
    private NightPosApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _sink = await SmtpSink.StartAsync();
        _app = await NightPosApp.StartAsync(builder =>
        {
            builder.UseSetting("NightPos:DefaultServer:Host", "127.0.0.1");
            builder.UseSetting("NightPos:DefaultServer:Port", _sink.Port.ToString());
            builder.UseSetting("NightPos:DefaultServer:Encryption", "none");
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _sink.DisposeAsync();
    }

    [Fact]
    public async Task Followers_are_told_and_a_customer_reply_comes_home_and_is_told_again()
    {
        var threads = new ThreadsApi(_app.Host);
        var inbound = new InboundApi(_app.Host);

        // A customer and three users follow a sales order.
        var thread = await threads.OpenAsync("S00042");
        var rootId = (await threads.GetAsync(thread)).GetProperty("messageId").GetString()!;
        await threads.FollowAsync(thread, Mary, ["discussions"], name: "Mary Smith");
        await threads.FollowAsync(thread, Sam, ["discussions", "note"], "email", "Sam");
        await threads.FollowAsync(thread, Ines, ["discussions", "note"], "inbox", "Ines");
        await threads.FollowAsync(thread, Carl, ["note"], "email", "Carl");

        // A user posts: the customer gets an email, the inbox user an entry, nobody else.
        var posted = await threads.PostAsync(thread, Sam, "Your order ships on Friday.",
            authorName: "Sam");
        Assert.Equal([Mary], Emails(posted));
        Assert.Equal([Ines], Inbox(posted));

        var toMary = await OneMailAsync(Mary);
        Assert.Equal("\"Sam\" <sam@company-name.nightpos.com>", toMary.From.ToString());
        Assert.Equal(Catchall, toMary.ReplyTo.Mailboxes.Single().Address);
        Assert.Equal([rootId], toMary.References);
        Assert.Equal(rootId, toMary.InReplyTo);
        Assert.Contains("Your order ships on Friday.", toMary.TextBody);
        var samPost = (await threads.GetAsync(thread)).GetProperty("messages")[0];
        var notification = samPost.GetProperty("notifications").EnumerateArray()
            .Single(n => n.GetProperty("email").GetString() == Mary);
        Assert.Equal(toMary.MessageId, notification.GetProperty("messageId").GetString());
        Assert.Equal("Your order ships on Friday.",
            Assert.Single((await threads.InboxAsync(Ines)).EnumerateArray())
                .GetProperty("body").GetString());

        // The customer answers from her mail client, quoting the notification.
        var answer = await inbound.DeliverAsync(Mail.Bytes(ReplyOf(toMary, "Friday is fine.")));
        Assert.Equal(thread, answer.GetProperty("threadId").GetGuid());

        var reply = (await threads.GetAsync(thread)).GetProperty("messages")[1];
        Assert.Equal("Mary Smith", reply.GetProperty("authorName").GetString());
        Assert.Equal(Mary, reply.GetProperty("authorEmail").GetString());
        Assert.Equal("Friday is fine.", reply.GetProperty("body").GetString());
        Assert.Equal("email", reply.GetProperty("origin").GetString());

        // The reply is fanned out: the user by email from the notification address with her
        // name, the inbox user by an entry, never the customer herself.
        var toSam = await OneMailAsync(Sam);
        Assert.Equal("\"Mary Smith\" <notifications@company-name.nightpos.com>",
            toSam.From.ToString());
        Assert.Equal(Catchall, toSam.ReplyTo.Mailboxes.Single().Address);
        var samPostId = samPost.GetProperty("messageId").GetString()!;
        Assert.Equal([rootId, samPostId], toSam.References);
        Assert.Equal(samPostId, toSam.InReplyTo);
        Assert.Equal(2, (await threads.InboxAsync(Ines)).GetArrayLength());
        Assert.Single(_sink.For(Mary));

        // An unrelated email is kept, not posted.
        var stray = await inbound.DeliverAsync(Mail.Reply("stranger@elsewhere.test",
            "Do you sell pallets?"));
        Assert.True(stray.GetProperty("unrouted").GetBoolean());

        // An internal note reaches the users only.
        var note = await threads.PostAsync(thread, Ines, "Check the margin first.", "note",
            "Ines");
        Assert.Equal([Carl, Sam], Emails(note).Order());
        Assert.Empty(Inbox(note));
        await OneMailAsync(Carl);
        await Eventually.Until(() => Task.FromResult(_sink.For(Sam).Count), c => c == 2,
            what: "the note to reach Sam");
        Assert.Single(_sink.For(Mary));
        Assert.Empty(_sink.For(Ines));
    }

    [Fact]
    public async Task Batch_handed_to_Dispatch_again_sends_no_second_copy()
    {
        var threads = new ThreadsApi(_app.Host);
        var thread = await threads.OpenAsync();
        var recipients = Enumerable.Range(1, 3).Select(i => $"c{i}@customer.test").ToList();
        foreach (var recipient in recipients)
        {
            await threads.FollowAsync(thread, recipient, ["discussions"]);
        }

        var posted = await threads.PostAsync(thread, Sam, "Shipped.", authorName: "Sam");
        var first = await Eventually.Until(() => DispatchIdsAsync(threads, thread),
            ids => ids.Count == 3, what: "the three emails to be accepted");

        // What a retry after a crash does: the same batch, handed over once more.
        var view = (await threads.GetAsync(thread)).GetProperty("messages")[0];
        var batch = new SendNotificationEmails(thread, posted.GetProperty("id").GetGuid(),
            (await threads.GetAsync(thread)).GetProperty("companyId").GetGuid(), "discussions",
            "Sam", Sam, "S00042", "Shipped.", view.GetProperty("messageId").GetString()!, [],
            recipients.Select(r => new Notification(r, "c", NotificationChannel.Email)).ToList());
        using (var scope = _app.Host.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(batch,
                TestContext.Current.CancellationToken);
        }

        Assert.Equal(first, await DispatchIdsAsync(threads, thread));
        foreach (var recipient in recipients)
        {
            Assert.Single(await Eventually.Until(() => Task.FromResult(_sink.For(recipient)),
                m => m.Count > 0, what: $"the email to {recipient}"));
        }
    }

    [Fact]
    public async Task Delivery_report_for_a_notification_goes_to_Dispatch_and_bounces_it()
    {
        var threads = new ThreadsApi(_app.Host);
        var thread = await threads.OpenAsync();
        await threads.FollowAsync(thread, Mary, ["discussions"]);
        await threads.PostAsync(thread, Sam, "Shipped.", authorName: "Sam");
        var toMary = await OneMailAsync(Mary);

        var answer = await new InboundApi(_app.Host).DeliverAsync(
            Mail.DeliveryReport(toMary.MessageId!, Mary));

        Assert.Equal("delivery-report", answer.GetProperty("outcome").GetString());
        Assert.Equal([Mary], ThreadsApi.Strings(answer.GetProperty("bouncedRecipients")));
        var dispatchId = answer.GetProperty("deliveryReportMessageId").GetGuid();
        var message = await _app.Host.Scenario(s =>
        {
            s.Get.Url($"/api/messages/{dispatchId}");
            s.AsAuditor();
        });
        Assert.Equal("bounced",
            (await message.ReadAsJsonAsync<JsonElement>()).GetProperty("state").GetString());
    }

    private static string[] Emails(JsonElement posted) =>
        ThreadsApi.Strings(posted.GetProperty("notified").GetProperty("emails"));

    private static string[] Inbox(JsonElement posted) =>
        ThreadsApi.Strings(posted.GetProperty("notified").GetProperty("inbox"));

    private async Task<MimeMessage> OneMailAsync(string address)
    {
        var received = await Eventually.Until(() => Task.FromResult(_sink.For(address)),
            m => m.Count > 0, what: $"an email to {address}");
        return received[^1];
    }

    private static async Task<IReadOnlyList<Guid>> DispatchIdsAsync(ThreadsApi threads, Guid id) =>
        (await threads.GetAsync(id)).GetProperty("messages")[0].GetProperty("notifications")
            .EnumerateArray()
            .Where(n => n.GetProperty("state").GetString() == "accepted")
            .Select(n => n.GetProperty("dispatchId").GetGuid())
            .Order()
            .ToList();

    // What a mail client writes when its user answers a message (RFC 5322 3.6.4): to the
    // Reply-To, In-Reply-To its Message-ID, References its References and its Message-ID.
    private static MimeMessage ReplyOf(MimeMessage received, string text)
    {
        var reply = new MimeMessage();
        reply.From.Add(new MailboxAddress("Mary Smith", Mary));
        reply.To.AddRange(received.ReplyTo);
        reply.Subject = $"Re: {received.Subject}";
        reply.MessageId = $"{Guid.NewGuid():N}@customer.test";
        reply.InReplyTo = received.MessageId;
        foreach (var reference in received.References.Append(received.MessageId!))
        {
            reply.References.Add(reference);
        }

        var quoted = string.Join("\n", received.TextBody!.ReplaceLineEndings("\n").Split('\n')
            .Select(line => $"> {line}"));
        reply.Body = new TextPart("plain")
        {
            Text = $"{text}\n\nOn {received.Date:R}, {received.From} wrote:\n{quoted}\n",
        };
        return reply;
    }
}
