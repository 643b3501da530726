using System.Text;
using System.Text.Json;
using Alba;
using NightPos.Testing;

namespace NightPos.Notifications.Tests;

public sealed class InboundTests(NightPosApp app)
{
    private readonly ThreadsApi _threads = new(app.Host);
    private readonly InboundApi _inbound = new(app.Host);

    [Fact]
    public async Task Reply_is_posted_by_its_sender_with_only_the_new_text_and_fanned_out()
    {
        var (thread, rootId, inbox) = await ThreadWithInboxFollowerAsync();
        var raw = Mail.Reply("\"Mary Smith\" <Mary@Customer.test>",
            "Friday is fine.\n\nOn Tue, 3 Dec 2024, Sam <sam@company-name.test> wrote:\n> Friday?",
            inReplyTo: rootId, references: [rootId]);

        var answer = await _inbound.DeliverAsync(raw);

        Assert.Equal(thread, answer.GetProperty("threadId").GetGuid());
        Assert.False(answer.GetProperty("unrouted").GetBoolean());
        var post = (await _threads.GetAsync(thread)).GetProperty("messages")[0];
        Assert.Equal("Mary Smith", post.GetProperty("authorName").GetString());
        Assert.Equal("mary@customer.test", post.GetProperty("authorEmail").GetString());
        Assert.Equal("Friday is fine.", post.GetProperty("body").GetString());
        Assert.Equal("email", post.GetProperty("origin").GetString());
        Assert.Equal("discussions", post.GetProperty("subtype").GetString());
        var entry = Assert.Single((await _threads.InboxAsync(inbox)).EnumerateArray());
        Assert.Equal("Friday is fine.", entry.GetProperty("body").GetString());
    }

    [Fact]
    public async Task Reply_whose_In_Reply_To_was_rewritten_is_matched_by_its_References()
    {
        var (thread, rootId, _) = await ThreadWithInboxFollowerAsync();
        var raw = Mail.Reply("mary@customer.test", "Yes.",
            inReplyTo: "rewritten-by-provider@mail.example",
            references: [rootId, "rewritten-by-provider@mail.example"]);

        var answer = await _inbound.DeliverAsync(raw);

        Assert.Equal(thread, answer.GetProperty("threadId").GetGuid());
    }

    [Fact]
    public async Task Reply_to_a_reply_finds_the_thread_through_the_first_reply()
    {
        var (thread, rootId, _) = await ThreadWithInboxFollowerAsync();
        var first = $"{Guid.NewGuid():N}@customer.test";
        await _inbound.DeliverAsync(Mail.Reply("mary@customer.test", "One.", rootId, [rootId],
            messageId: first));

        // A colleague answers Mary's mail only: it names no id of ours but hers.
        var answer = await _inbound.DeliverAsync(
            Mail.Reply("carl@customer.test", "Two.", first, [first]));

        Assert.Equal(thread, answer.GetProperty("threadId").GetGuid());
    }

    [Fact]
    public async Task Same_message_delivered_twice_is_posted_once()
    {
        var (thread, rootId, inbox) = await ThreadWithInboxFollowerAsync();
        var raw = Mail.Reply("mary@customer.test", "Only once.", rootId, [rootId]);

        await _inbound.DeliverAsync(raw);
        var again = await _inbound.DeliverAsync(raw);

        Assert.True(again.GetProperty("alreadyReceived").GetBoolean());
        Assert.Equal(thread, again.GetProperty("threadId").GetGuid());
        Assert.Equal(1, (await _threads.GetAsync(thread)).GetProperty("messages").GetArrayLength());
        Assert.Single((await _threads.InboxAsync(inbox)).EnumerateArray());
    }

    [Fact]
    public async Task Unrelated_mail_is_kept_as_unrouted_and_listed_with_its_reason()
    {
        var subject = ThreadsApi.Unique("hello");
        var raw = Mail.Reply("stranger@elsewhere.test", "Do you sell pallets?",
            adjust: m => m.Subject = subject);

        var answer = await _inbound.DeliverAsync(raw);

        Assert.True(answer.GetProperty("unrouted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("threadId").ValueKind);
        var listed = (await _inbound.UnroutedAsync()).EnumerateArray()
            .Single(m => m.GetProperty("subject").GetString() == subject);
        Assert.Contains("neither In-Reply-To nor References",
            listed.GetProperty("reason").GetString());

        var kept = await app.Host.Scenario(s =>
        {
            s.Get.Url($"/api/inbound/unrouted/{listed.GetProperty("id").GetGuid()}/raw");
            s.AsAuditor();
            s.ContentTypeShouldBe("message/rfc822");
        });
        Assert.Equal(raw, await kept.ReadAsBytesAsync());
    }

    [Fact]
    public async Task Reply_to_a_catchall_retired_by_a_rename_is_routed_as_before()
    {
        var domain = $"{ThreadsApi.Unique("d")}.example";
        var aliasDomain = await AdminPostAsync("/api/alias-domains", new { domain });
        var company = await AdminPostAsync("/api/companies",
            new { name = ThreadsApi.Unique("Co"), aliasDomainId = aliasDomain });
        var thread = await _threads.OpenAsync(companyId: company);
        var rootId = (await _threads.GetAsync(thread)).GetProperty("messageId").GetString()!;
        await app.Host.Scenario(s =>
        {
            s.Patch.Json(new { catchallAlias = "replies" })
                .ToUrl($"/api/alias-domains/{aliasDomain}");
            s.AsAdmin();
        });

        // SPEC R4: mail still arriving at the old catchall is routed as before.
        var answer = await _inbound.DeliverAsync(
            Mail.Reply("mary@customer.test", "Late reply.", rootId, [rootId],
                to: $"catchall@{domain}"));

        Assert.Equal(thread, answer.GetProperty("threadId").GetGuid());
    }

    [Fact]
    public async Task Reply_to_an_address_that_is_no_catchall_is_unrouted()
    {
        var (_, rootId, _) = await ThreadWithInboxFollowerAsync();
        var raw = Mail.Reply("mary@customer.test", "Hi", rootId, [rootId],
            to: "sales@company-name.nightpos.com.evil.test");

        var answer = await _inbound.DeliverAsync(raw);

        Assert.True(answer.GetProperty("unrouted").GetBoolean());
        Assert.Contains("no catchall", answer.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Envelope_recipient_counts_when_the_headers_do_not_name_the_catchall()
    {
        var (thread, rootId, _) = await ThreadWithInboxFollowerAsync();
        var raw = Mail.Reply("mary@customer.test", "Via a list.", rootId, [rootId],
            to: "everyone@lists.customer.test");

        var answer = await _inbound.DeliverAsync(raw, recipient: Mail.Catchall);

        Assert.Equal(thread, answer.GetProperty("threadId").GetGuid());
    }

    [Fact]
    public async Task Automatic_reply_is_unrouted_so_robots_never_loop_through_a_thread()
    {
        var (thread, rootId, _) = await ThreadWithInboxFollowerAsync();
        var raw = Mail.Reply("mary@customer.test", "I am on holiday.", rootId, [rootId],
            adjust: m => m.Headers.Add("Auto-Submitted", "auto-replied"));

        var answer = await _inbound.DeliverAsync(raw);

        Assert.True(answer.GetProperty("unrouted").GetBoolean());
        Assert.Equal(0, (await _threads.GetAsync(thread)).GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public async Task Reply_to_a_note_stays_internal()
    {
        var (thread, _, inbox) = await ThreadWithInboxFollowerAsync(["discussions", "note"]);
        await _threads.FollowAsync(thread, "mary@customer.test", ["discussions", "note"]);
        var note = await _threads.PostAsync(thread, "stan@company-name.test", "Margin?", "note");
        var noteId = (await _threads.GetAsync(thread)).GetProperty("messages")[0]
            .GetProperty("messageId").GetString()!;

        var answer = await _inbound.DeliverAsync(
            Mail.Reply("ines@company-name.test", "Fine.", noteId, [noteId]));

        Assert.Equal(thread, answer.GetProperty("threadId").GetGuid());
        var reply = (await _threads.GetAsync(thread)).GetProperty("messages")[1];
        Assert.Equal("note", reply.GetProperty("subtype").GetString());
        Assert.DoesNotContain(reply.GetProperty("notifications").EnumerateArray(),
            n => n.GetProperty("email").GetString() == "mary@customer.test");
        Assert.Equal(0, note.GetProperty("notified").GetProperty("emails").GetArrayLength());
        Assert.Equal(2, (await _threads.InboxAsync(inbox)).GetArrayLength());
    }

    public static TheoryData<string, string, int> NotEmails => new()
    {
        { "text/plain", "From: a@b.test\r\n\r\nhi", 415 },
        { "application/json", "{\"from\":\"a@b.test\"}", 415 },
        { "message/rfc822", "", 400 },
        { "message/rfc822", "just some words, no headers at all", 400 },
        { "message/rfc822", "Subject: no sender\r\n\r\nbody", 400 },
    };

    [Theory]
    [MemberData(nameof(NotEmails))]
    public async Task Something_that_is_not_an_email_is_refused(
        string contentType,
        string body,
        int status)
    {
        var before = (await _inbound.UnroutedAsync()).GetArrayLength();

        var result = await app.Host.Scenario(s =>
        {
            s.Post.ByteArray(Encoding.UTF8.GetBytes(body)).ToUrl("/api/inbound");
            s.WithRequestHeader("Content-Type", contentType);
            s.AsSender();
            s.StatusCodeShouldBe(status);
            s.ContentTypeShouldBe("application/problem+json");
        });

        var problem = await result.ReadAsJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Equal(before, (await _inbound.UnroutedAsync()).GetArrayLength());
    }

    [Fact]
    public async Task Auditor_may_list_unrouted_mail_but_not_deliver_it()
    {
        await app.Host.Scenario(s =>
        {
            s.Post.ByteArray(Mail.Reply("a@b.test", "x")).ToUrl("/api/inbound");
            s.WithRequestHeader("Content-Type", "message/rfc822");
            s.AsAuditor();
            s.StatusCodeShouldBe(403);
        });

        await app.Host.Scenario(s =>
        {
            s.Get.Url("/api/inbound/unrouted");
            s.AsSender();
            s.StatusCodeShouldBe(403);
        });
    }

    private async Task<Guid> AdminPostAsync(string url, object body)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl(url);
            s.AsAdmin();
            s.StatusCodeShouldBe(201);
        });
        return (await result.ReadAsJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<(Guid Thread, string RootId, string Inbox)> ThreadWithInboxFollowerAsync(
        string[]? subtypes = null)
    {
        var thread = await _threads.OpenAsync();
        var inbox = $"{ThreadsApi.Unique("ines")}@company-name.test";
        await _threads.FollowAsync(thread, "ines@company-name.test", subtypes ?? ["discussions"],
            "inbox");
        await _threads.FollowAsync(thread, inbox, subtypes ?? ["discussions"], "inbox");
        var rootId = (await _threads.GetAsync(thread)).GetProperty("messageId").GetString()!;
        return (thread, rootId, inbox);
    }
}
