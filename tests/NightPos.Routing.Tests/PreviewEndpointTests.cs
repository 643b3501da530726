using System.Text.Json;
using Alba;
using NightPos.Testing;

namespace NightPos.Routing.Tests;

/// <summary>
/// <c>POST /api/routing/preview</c> and <c>GET /api/configuration</c> refusing what they cannot
/// answer, with problem details that name the field to fix (API.md, common rules).
/// </summary>
public sealed class PreviewEndpointTests(NightPosApp app) : IClassFixture<NightPosApp>
{
    public static TheoryData<string, object?, string> BadPreviews => new()
    {
        // case, from, field
        { "a header smuggled in", "Mary <mary@example.com>\r\nBcc: all@example.com", "from" },
        { "a bare line feed", "mary@example.com\nX-Spam: no", "from" },
        { "two mailboxes", "mary@example.com, bob@example.com", "from" },
        { "a group", "staff: mary@example.com;", "from" },
        { "a name without address", "Mary", "from" },
        { "a local part without domain", "mary", "from" },
        // MimeKit parses these as one mailbox, but no SMTP server can carry their domains.
        { "a domain literal", "mary@[127.0.0.1]", "from" },
        { "a path after the domain", "mary@example.com/path", "from" },
        { "a label over 63 characters", $"mary@{new string('a', 64)}.com", "from" },
        { "invalid punycode", "Mary <mary@xn--a.com>", "from" },
        { "a single label", "mary@localhost", "from" },
        { "an IP address", "mary@127.0.0.1", "from" },
    };

    [Theory]
    [MemberData(nameof(BadPreviews))]
    public async Task Preview_refuses_a_From_that_is_not_one_clean_mailbox(
        string description,
        object? from,
        string field)
    {
        var problem = await ProblemAsync(new Dictionary<string, object?>
        {
            ["from"] = from,
            ["kind"] = "transactional",
        }, 400);

        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), description);
        Assert.Contains(field, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Preview_refuses_an_instant_in_the_future()
    {
        var problem = await ProblemAsync(new Dictionary<string, object?>
        {
            ["from"] = "mary@example.com",
            ["kind"] = "transactional",
            ["at"] = DateTimeOffset.UtcNow.AddHours(1),
        }, 400);

        Assert.Equal("at", problem.GetProperty("field").GetString());
        Assert.Contains("future", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Preview_refuses_an_unknown_kind()
    {
        await app.Host.Scenario(s =>
        {
            s.Post.Json(new { from = "mary@example.com", kind = "bulk" }).ToUrl("/api/routing/preview");
            s.AsSender();
            s.StatusCodeShouldBe(400);
        });
    }

    [Fact]
    public async Task Configuration_refuses_an_instant_in_the_future()
    {
        var at = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O"));
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url($"/api/configuration?at={at}");
            s.AsAuditor();
            s.StatusCodeShouldBe(400);
            s.ContentTypeShouldBe("application/problem+json");
        });

        var problem = await result.ReadAsJsonAsync<JsonElement>();
        Assert.Equal("at", problem.GetProperty("field").GetString());
    }

    private async Task<JsonElement> ProblemAsync(Dictionary<string, object?> body, int status)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl("/api/routing/preview");
            s.AsSender();
            s.StatusCodeShouldBe(status);
            s.ContentTypeShouldBe("application/problem+json");
        });
        return await result.ReadAsJsonAsync<JsonElement>();
    }
}
