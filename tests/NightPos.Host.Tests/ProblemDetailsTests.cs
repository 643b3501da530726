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
}
