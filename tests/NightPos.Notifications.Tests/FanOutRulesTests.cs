using NightPos.Notifications.FanOut;
using NightPos.Notifications.Threads;

namespace NightPos.Notifications.Tests;

public sealed class FanOutRulesTests
{
    private static readonly ThreadFollowers Followers = FollowersOf(
        new Follower("mary@customer.test", "Mary", ["discussions"], null),
        new Follower("sam@company-name.test", "Sam", ["discussions", "note"],
            NotificationChannel.Email),
        new Follower("ines@company-name.test", "Ines", ["discussions", "note"],
            NotificationChannel.Inbox),
        new Follower("carl@customer.test", "Carl", ["discussions", "note"], null),
        new Follower("stan@company-name.test", "Stan", ["stage"], NotificationChannel.Email));

    // Author, subtype -> who is told, how. Near misses: the author's address in another case,
    // a contact subscribed to notes, a subtype nobody follows.
    public static TheoryData<string, string, string[]> Posts => new()
    {
        {
            "sam@company-name.test", "discussions",
            ["mary@customer.test:Email", "ines@company-name.test:Inbox", "carl@customer.test:Email"]
        },
        {
            "mary@customer.test", "note",
            ["sam@company-name.test:Email", "ines@company-name.test:Inbox"]
        },
        { "nobody@elsewhere.test", "stage", ["stan@company-name.test:Email"] },
        { "nobody@elsewhere.test", "invoice", [] },
    };

    [Theory]
    [MemberData(nameof(Posts))]
    public void Recipients_are_the_subscribed_followers_but_the_author(
        string author,
        string subtype,
        string[] expected)
    {
        var recipients = FanOutRules.Recipients(Followers, author, subtype);

        Assert.Equal(expected, recipients.Select(r => $"{r.Email}:{r.Channel}"));
    }

    [Fact]
    public void Recipients_never_include_the_author_whatever_channel()
    {
        var recipients = FanOutRules.Recipients(Followers, "ines@company-name.test", "discussions");

        Assert.DoesNotContain(recipients, r => r.Email == "ines@company-name.test");
    }

    [Fact]
    public void Thread_headers_reference_the_root_then_the_latest_posts()
    {
        var thread = MessageThread.Opened(
            new ThreadOpened(Guid.NewGuid(), Guid.NewGuid(), "sale.order", "42", "S00042",
                "thread.1@x.test"),
            DateTimeOffset.UnixEpoch, 1);
        var (first, firstReferences) = FanOutRules.ThreadHeaders(thread);
        Assert.Equal("thread.1@x.test", first);
        Assert.Equal(["thread.1@x.test"], firstReferences);

        for (var i = 1; i <= MessageThread.RecentMessageIdLimit + 2; i++)
        {
            thread.Posted(new MessagePosted(Guid.NewGuid(), $"post.{i}@x.test", "A", "a@x.test",
                "discussions", PostOrigin.Api, [], []));
        }

        var (inReplyTo, references) = FanOutRules.ThreadHeaders(thread);
        Assert.Equal($"post.{MessageThread.RecentMessageIdLimit + 2}@x.test", inReplyTo);
        Assert.Equal("thread.1@x.test", references[0]);
        Assert.Equal("post.3@x.test", references[1]);
        Assert.Equal(MessageThread.RecentMessageIdLimit + 1, references.Count);
    }

    private static ThreadFollowers FollowersOf(params Follower[] followers)
    {
        var thread = new ThreadFollowers { Id = Guid.NewGuid() };
        foreach (var f in followers)
        {
            thread.Changed(new FollowerAdded(f.Email, f.Name, f.Subtypes, f.UserPreference), 2);
        }

        return thread;
    }
}
