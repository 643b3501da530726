using System.Text.Json;
using Alba;
using NightPos.Testing;

namespace NightPos.Notifications.Tests;

/// <summary>The thread routes as tests drive them: each call asserts its status.</summary>
public sealed class ThreadsApi(IAlbaHost host)
{
    public async Task<Guid> OpenAsync(
        string? recordId = null,
        string model = "sale.order",
        Guid? companyId = null)
    {
        var result = await host.Scenario(s =>
        {
            var body = new
            {
                companyId, model, recordId = recordId ?? Unique("S"), subject = "S00042",
            };
            s.Post.Json(body).ToUrl("/api/threads");
            s.AsSender();
            s.StatusCodeShouldBe(201);
        });
        return (await result.ReadAsJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public async Task FollowAsync(
        Guid thread,
        string email,
        string[] subtypes,
        string? userPreference = null,
        string? name = null,
        int status = 201)
    {
        await host.Scenario(s =>
        {
            s.Post.Json(new { name, email, subtypes, userPreference })
                .ToUrl($"/api/threads/{thread}/followers");
            s.AsSender();
            s.StatusCodeShouldBe(status);
        });
    }

    public async Task<JsonElement> PostAsync(
        Guid thread,
        string authorEmail,
        string body,
        string subtype = "discussions",
        string authorName = "Author")
    {
        var result = await host.Scenario(s =>
        {
            s.Post.Json(new { authorName, authorEmail, body, subtype })
                .ToUrl($"/api/threads/{thread}/messages");
            s.AsSender();
            s.StatusCodeShouldBe(201);
        });
        return await result.ReadAsJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> GetAsync(Guid thread)
    {
        var result = await host.Scenario(s =>
        {
            s.Get.Url($"/api/threads/{thread}");
            s.AsAuditor();
        });
        return await result.ReadAsJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> InboxAsync(string email)
    {
        var result = await host.Scenario(s =>
        {
            s.Get.Url($"/api/inbox?email={Uri.EscapeDataString(email)}");
            s.AsSender();
        });
        return await result.ReadAsJsonAsync<JsonElement>();
    }

    /// <summary>Names unique to one test, so tests sharing a host never see each other.</summary>
    public static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..20];

    public static string[] Strings(JsonElement array) =>
        array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
