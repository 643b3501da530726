using System.Text.Json;
using Alba;
using NightPos.Testing;

namespace NightPos.Notifications.Tests;

public sealed class FollowerTests(NightPosApp app)
{
    private readonly ThreadsApi _threads = new(app.Host);

    [Fact]
    public async Task Follow_answers_201_then_200_when_the_follower_changes()
    {
        var thread = await _threads.OpenAsync();

        await _threads.FollowAsync(thread, "Mary@Customer.test", ["discussions"], name: "Mary");
        await _threads.FollowAsync(thread, "mary@customer.test", ["discussions", "stage"],
            name: "Mary", status: 200);

        var followers = (await _threads.GetAsync(thread)).GetProperty("followers");
        var mary = Assert.Single(followers.EnumerateArray());
        Assert.Equal("mary@customer.test", mary.GetProperty("email").GetString());
        Assert.Equal(["discussions", "stage"], ThreadsApi.Strings(mary.GetProperty("subtypes")));
        Assert.Equal(JsonValueKind.Null, mary.GetProperty("userPreference").ValueKind);
    }

    [Fact]
    public async Task Follower_without_a_name_is_named_after_the_local_part()
    {
        var thread = await _threads.OpenAsync();

        await _threads.FollowAsync(thread, "sam@company-name.test", ["note"], "inbox");

        var sam = (await _threads.GetAsync(thread)).GetProperty("followers")[0];
        Assert.Equal("sam", sam.GetProperty("name").GetString());
        Assert.Equal("inbox", sam.GetProperty("userPreference").GetString());
    }

    // Near misses: a display name where an address belongs, no domain, an empty list, a subtype
    // with a space, a preference that is not a channel.
    [Theory]
    [InlineData("\"Mary\" <mary@customer.test>", "[\"discussions\"]", null, "email")]
    [InlineData("mary@", "[\"discussions\"]", null, "email")]
    [InlineData("mary@customer.test", "[]", null, "subtypes")]
    [InlineData("mary@customer.test", "[\"sales talk\"]", null, "subtypes[0]")]
    public async Task Follow_refuses_a_bad_field_by_name(
        string email,
        string subtypes,
        string? userPreference,
        string field)
    {
        var thread = await _threads.OpenAsync();

        var result = await app.Host.Scenario(s =>
        {
            s.Post.Json(new
            {
                email,
                subtypes = JsonSerializer.Deserialize<string[]>(subtypes),
                userPreference,
            }).ToUrl($"/api/threads/{thread}/followers");
            s.AsSender();
            s.StatusCodeShouldBe(400);
        });

        var problem = await result.ReadAsJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task Follow_refuses_a_preference_that_is_no_channel()
    {
        var thread = await _threads.OpenAsync();

        await app.Host.Scenario(s =>
        {
            s.Post.Text(
                    "{\"email\":\"a@b.test\",\"subtypes\":[\"note\"],\"userPreference\":\"sms\"}")
                .ToUrl($"/api/threads/{thread}/followers");
            s.WithRequestHeader("Content-Type", "application/json");
            s.AsSender();
            s.StatusCodeShouldBe(400);
        });
    }

    [Fact]
    public async Task Unfollow_answers_204_and_the_follower_is_gone()
    {
        var thread = await _threads.OpenAsync();
        await _threads.FollowAsync(thread, "mary@customer.test", ["discussions"]);

        await app.Host.Scenario(s =>
        {
            s.Delete.Url($"/api/threads/{thread}/followers/MARY@customer.test");
            s.AsSender();
            s.StatusCodeShouldBe(204);
        });

        var thread2 = await _threads.GetAsync(thread);
        Assert.Equal(0, thread2.GetProperty("followers").GetArrayLength());
    }

    [Fact]
    public async Task Unfollow_of_someone_not_following_is_404()
    {
        var thread = await _threads.OpenAsync();

        await app.Host.Scenario(s =>
        {
            s.Delete.Url($"/api/threads/{thread}/followers/nobody@customer.test");
            s.AsSender();
            s.StatusCodeShouldBe(404);
        });
    }

    [Fact]
    public async Task Follow_on_an_unknown_thread_is_404()
    {
        await app.Host.Scenario(s =>
        {
            s.Post.Json(new { email = "a@b.test", subtypes = new[] { "note" } })
                .ToUrl($"/api/threads/{Guid.NewGuid()}/followers");
            s.AsSender();
            s.StatusCodeShouldBe(404);
        });
    }
}
