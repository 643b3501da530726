using System.Text.Json;
using Alba;
using NightPos.Testing;

namespace NightPos.Notifications.Tests;

public sealed class PostTests(NightPosApp app)
{
    private readonly ThreadsApi _threads = new(app.Host);

    [Fact]
    public async Task Post_notifies_each_subscribed_follower_once_by_their_channel()
    {
        var thread = await _threads.OpenAsync();
        await _threads.FollowAsync(thread, "mary@customer.test", ["discussions", "note"]);
        await _threads.FollowAsync(thread, "sam@company-name.test", ["discussions"], "email");
        await _threads.FollowAsync(thread, "ines@company-name.test", ["discussions"], "inbox");
        await _threads.FollowAsync(thread, "stan@company-name.test", ["stage"], "inbox");

        // The author follows too, and writes with another case: never told of their own post.
        var answer = await _threads.PostAsync(thread, "SAM@Company-Name.test", "Shipped today.");

        var notified = answer.GetProperty("notified");
        Assert.Equal(["mary@customer.test"], ThreadsApi.Strings(notified.GetProperty("emails")));
        Assert.Equal(["ines@company-name.test"], ThreadsApi.Strings(notified.GetProperty("inbox")));
    }

    [Fact]
    public async Task Note_reaches_users_only()
    {
        var thread = await _threads.OpenAsync();
        await _threads.FollowAsync(thread, "mary@customer.test", ["note"]);
        await _threads.FollowAsync(thread, "ines@company-name.test", ["note"], "inbox");
        await _threads.FollowAsync(thread, "sam@company-name.test", ["note"], "email");

        var answer = await _threads.PostAsync(thread, "stan@company-name.test", "Margin is thin.",
            "note");

        var notified = answer.GetProperty("notified");
        Assert.Equal(["sam@company-name.test"], ThreadsApi.Strings(notified.GetProperty("emails")));
        Assert.Equal(["ines@company-name.test"], ThreadsApi.Strings(notified.GetProperty("inbox")));
    }

    [Fact]
    public async Task Inbox_entry_carries_the_post_and_its_record()
    {
        var inbox = $"{ThreadsApi.Unique("u")}@company-name.test";
        var thread = await _threads.OpenAsync();
        await _threads.FollowAsync(thread, inbox, ["discussions"], "inbox");

        var answer = await _threads.PostAsync(thread, "mary@customer.test", "Can we get it Friday?",
            authorName: "Mary");

        var entry = Assert.Single((await _threads.InboxAsync(inbox.ToUpperInvariant()))
            .EnumerateArray());
        Assert.Equal(answer.GetProperty("id").GetGuid(), entry.GetProperty("postId").GetGuid());
        Assert.Equal(thread, entry.GetProperty("threadId").GetGuid());
        Assert.Equal("sale.order", entry.GetProperty("model").GetString());
        Assert.Equal("Mary", entry.GetProperty("authorName").GetString());
        Assert.Equal("Can we get it Friday?", entry.GetProperty("body").GetString());
    }

    [Fact]
    public async Task Thread_lists_its_posts_in_order_with_their_notifications()
    {
        var thread = await _threads.OpenAsync();
        await _threads.FollowAsync(thread, "ines@company-name.test", ["discussions"], "inbox");

        await _threads.PostAsync(thread, "a@customer.test", "first");
        await _threads.PostAsync(thread, "b@customer.test", "second");

        var messages = (await _threads.GetAsync(thread)).GetProperty("messages");
        Assert.Equal(["first", "second"],
            messages.EnumerateArray().Select(m => m.GetProperty("body").GetString()));
        var notification = Assert.Single(messages[0].GetProperty("notifications").EnumerateArray());
        Assert.Equal("inbox", notification.GetProperty("state").GetString());
        Assert.Equal("api", messages[0].GetProperty("origin").GetString());
    }

    [Fact]
    public async Task Posts_at_the_same_time_on_one_thread_all_land()
    {
        var thread = await _threads.OpenAsync();

        await Task.WhenAll(Enumerable.Range(1, 8)
            .Select(i => _threads.PostAsync(thread, "a@customer.test", $"post {i}")));

        var messages = (await _threads.GetAsync(thread)).GetProperty("messages");
        Assert.Equal(8, messages.GetArrayLength());
        Assert.Equal(Enumerable.Range(1, 8).Select(i => $"post {i}").Order(),
            messages.EnumerateArray().Select(m => m.GetProperty("body").GetString()).Order());
    }

    // Near misses: an author given by display name, a subtype with a capital and a space,
    // a body of blanks.
    [Theory]
    [InlineData("Mary <mary@customer.test>", "hello", "discussions", "authorEmail")]
    [InlineData("mary@customer.test", "hello", "Sales Talk", "subtype")]
    [InlineData("mary@customer.test", "   ", "discussions", "body")]
    public async Task Post_refuses_a_bad_field_by_name(
        string authorEmail,
        string body,
        string subtype,
        string field)
    {
        var thread = await _threads.OpenAsync();

        var result = await app.Host.Scenario(s =>
        {
            s.Post.Json(new { authorName = "A", authorEmail, body, subtype })
                .ToUrl($"/api/threads/{thread}/messages");
            s.AsSender();
            s.StatusCodeShouldBe(400);
        });

        var problem = await result.ReadAsJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), field);
        Assert.Equal(0, (await _threads.GetAsync(thread)).GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public async Task Inbox_without_an_address_is_a_400()
    {
        await app.Host.Scenario(s =>
        {
            s.Get.Url("/api/inbox");
            s.AsSender();
            s.StatusCodeShouldBe(400);
        });
    }
}
