using Marten;
using Microsoft.Extensions.DependencyInjection;
using NightPos.Notifications.FanOut;
using NightPos.Notifications.Threads;
using NightPos.Testing;

namespace NightPos.Notifications.Tests;

/// <summary>
/// Threads large enough for their followers to be kept between posts: a change of followers,
/// made through this process or another one on the same database, reaches the next post.
/// </summary>
public sealed class LargeThreadTests(NightPosApp app)
{
    private const int Crowd = FollowersCache.MinimumFollowers + 10;

    [Fact]
    public async Task Follow_and_unfollow_between_posts_reach_the_next_post()
    {
        var threads = new ThreadsApi(app.Host);
        var thread = await LargeThreadAsync(threads);
        await threads.PostAsync(thread, "sam@company-name.test", "first");

        await threads.FollowAsync(thread, "late@customer.test", ["discussions"]);
        await app.Host.Scenario(s =>
        {
            s.Delete.Url($"/api/threads/{thread}/followers/crowd0@customer.test");
            s.AsSender();
            s.StatusCodeShouldBe(204);
        });
        var second = await threads.PostAsync(thread, "sam@company-name.test", "second");

        var emails = ThreadsApi.Strings(second.GetProperty("notified").GetProperty("emails"));
        Assert.Contains("late@customer.test", emails);
        Assert.DoesNotContain("crowd0@customer.test", emails);
        Assert.Equal(Crowd, emails.Length);
    }

    [Fact]
    public async Task Follower_added_by_another_process_reaches_the_next_post()
    {
        var threads = new ThreadsApi(app.Host);
        var thread = await LargeThreadAsync(threads);
        await threads.PostAsync(thread, "sam@company-name.test", "first");

        await using (var other = await NightPosApp.StartOnAsync(app.ConnectionString))
        {
            await new ThreadsApi(other.Host).FollowAsync(thread, "other@customer.test",
                ["discussions"]);
        }

        var second = await threads.PostAsync(thread, "sam@company-name.test", "second");

        Assert.Contains("other@customer.test",
            ThreadsApi.Strings(second.GetProperty("notified").GetProperty("emails")));
    }

    private async Task<Guid> LargeThreadAsync(ThreadsApi threads)
    {
        var thread = await threads.OpenAsync();
        var store = app.Host.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.LightweightSession();
        for (var i = 0; i < Crowd; i++)
        {
            session.Events.Append(thread, new FollowerAdded($"crowd{i}@customer.test",
                $"Crowd {i}", [Subtypes.Discussions], null));
        }

        await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        return thread;
    }
}
