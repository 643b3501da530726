using System.Text.Json;
using Alba;
using NightPos.Testing;

namespace NightPos.Notifications.Tests;

/// <summary><c>GET /api/threads</c>: the list the administration pages pick a thread from.</summary>
public sealed class ListThreadsTests(NightPosApp app)
{
    private readonly ThreadsApi _threads = new(app.Host);

    [Fact]
    public async Task List_threads_shows_the_newest_first_with_their_post_count()
    {
        var older = await _threads.OpenAsync(ThreadsApi.Unique("S"));
        var newer = await _threads.OpenAsync(ThreadsApi.Unique("S"));
        await _threads.PostAsync(newer, "mary@customer.example", "Hello");

        var threads = await ListAsync("/api/threads?limit=1000");

        var ids = threads.EnumerateArray().Select(t => t.GetProperty("id").GetGuid()).ToList();
        Assert.True(ids.IndexOf(newer) < ids.IndexOf(older), "the newer thread comes first");
        var listed = threads.EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == newer);
        Assert.Equal(1, listed.GetProperty("postCount").GetInt32());
        Assert.Equal("sale.order", listed.GetProperty("model").GetString());
    }

    [Fact]
    public async Task List_threads_keeps_to_the_limit()
    {
        await _threads.OpenAsync(ThreadsApi.Unique("S"));
        await _threads.OpenAsync(ThreadsApi.Unique("S"));

        var threads = await ListAsync("/api/threads?limit=1");

        Assert.Equal(1, threads.GetArrayLength());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("-1")]
    public async Task List_threads_refuses_a_limit_out_of_range_naming_it(string limit)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url($"/api/threads?limit={limit}");
            s.AsAuditor();
            s.StatusCodeShouldBe(400);
        });

        var problem = await result.ReadAsJsonAsync<JsonElement>();
        Assert.Contains("limit", problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("limit", out _));
    }

    private async Task<JsonElement> ListAsync(string url)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.AsAuditor();
            s.StatusCodeShouldBeOk();
        });
        return await result.ReadAsJsonAsync<JsonElement>();
    }
}
