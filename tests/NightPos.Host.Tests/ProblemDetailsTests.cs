using System.Text.Json;
using Alba;
using NightPos.Testing;

namespace NightPos.Host.Tests;

public sealed class ProblemDetailsTests(NightPosApp app)
{
    [Theory]
    [InlineData(null, 401)]
    [InlineData(TestKeys.Sender, 403)]
    public async Task Refusals_are_problem_details_that_say_what_to_do(string? key, int status)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url("/api/history");
            if (key is not null)
            {
                s.WithKey(key);
            }

            s.StatusCodeShouldBe(status);
            s.ContentTypeShouldBe("application/problem+json");
        });

        var problem = await result.ReadAsJsonAsync<JsonElement>();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Unknown_route_is_a_problem_details_404()
    {
        await app.Host.Scenario(s =>
        {
            s.Get.Url("/api/no-such-route");
            s.AsAdmin();
            s.StatusCodeShouldBe(404);
            s.ContentTypeShouldBe("application/problem+json");
        });
    }

    [Fact]
    public async Task Unparseable_query_value_is_a_problem_details_400()
    {
        await app.Host.Scenario(s =>
        {
            s.Get.Url("/api/history?from=yesterday-ish");
            s.AsAuditor();
            s.StatusCodeShouldBe(400);
            s.ContentTypeShouldBe("application/problem+json");
        });
    }

    [Theory]
    [InlineData("GET", "/api/servers/not-a-guid", null, 404, "/api/servers/not-a-guid")]
    [InlineData("GET", "/api/no-such-route", null, 404, "/api/no-such-route")]
    [InlineData("POST", "/api/companies", "text/plain", 415, "application/json")]
    public async Task Framework_refusals_carry_a_detail_naming_the_problem(
        string method, string url, string? contentType, int status, string word)
    {
        var client = app.Host.Server.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        request.Headers.Authorization = new("Bearer", TestKeys.Admin);
        if (contentType is not null)
        {
            request.Content = new StringContent("{}");
            request.Content.Headers.ContentType = new(contentType);
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var problem = JsonDocument.Parse(
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(word, problem.RootElement.GetProperty("detail").GetString());
    }
}
