using System.Text.Json;
using Alba;
using NightPos.Testing;

namespace NightPos.Notifications.Tests;

public sealed class ThreadTests(NightPosApp app)
{
    private readonly ThreadsApi _threads = new(app.Host);

    [Fact]
    public async Task Open_thread_answers_201_and_the_thread_reads_back()
    {
        var recordId = ThreadsApi.Unique("S");

        var id = await _threads.OpenAsync(recordId);

        var thread = await _threads.GetAsync(id);
        Assert.Equal("sale.order", thread.GetProperty("model").GetString());
        Assert.Equal(recordId, thread.GetProperty("recordId").GetString());
        Assert.Equal("S00042", thread.GetProperty("subject").GetString());
        Assert.StartsWith($"thread.{id:N}@", thread.GetProperty("messageId").GetString());
        Assert.Equal(0, thread.GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public async Task Open_thread_twice_for_one_record_is_a_conflict_naming_the_thread()
    {
        var recordId = ThreadsApi.Unique("S");
        var id = await _threads.OpenAsync(recordId);

        var result = await app.Host.Scenario(s =>
        {
            s.Post.Json(new { model = "Sale.Order", recordId, subject = "again" })
                .ToUrl("/api/threads");
            s.AsSender();
            s.StatusCodeShouldBe(409);
        });

        var problem = await result.ReadAsJsonAsync<JsonElement>();
        Assert.Equal(id, problem.GetProperty("threadId").GetGuid());
        Assert.Contains(id.ToString(), problem.GetProperty("detail").GetString());
    }

    // Near misses: a model with a space, a subject carrying a header injection, blanks.
    [Theory]
    [InlineData("sale order", "42", "S00042", "model")]
    [InlineData("", "42", "S00042", "model")]
    [InlineData("sale.order", " ", "S00042", "recordId")]
    [InlineData("sale.order", "42", "S00042\r\nBcc: all@example.com", "subject")]
    [InlineData("sale.order", "42", "", "subject")]
    public async Task Open_thread_refuses_a_bad_field_by_name(
        string model,
        string recordId,
        string subject,
        string field)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Post.Json(new { model, recordId, subject }).ToUrl("/api/threads");
            s.AsSender();
            s.StatusCodeShouldBe(400);
            s.ContentTypeShouldBe("application/problem+json");
        });

        var problem = await result.ReadAsJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Contains(field, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Open_thread_for_an_unknown_company_is_404()
    {
        await app.Host.Scenario(s =>
        {
            s.Post.Json(new
            {
                companyId = Guid.NewGuid(), model = "sale.order", recordId = "1", subject = "x",
            }).ToUrl("/api/threads");
            s.AsSender();
            s.StatusCodeShouldBe(404);
        });
    }

    [Fact]
    public async Task Auditor_may_read_a_thread_but_not_open_one()
    {
        await app.Host.Scenario(s =>
        {
            s.Post.Json(new { model = "sale.order", recordId = "1", subject = "x" })
                .ToUrl("/api/threads");
            s.AsAuditor();
            s.StatusCodeShouldBe(403);
        });
    }

    [Fact]
    public async Task Unknown_thread_is_a_404_that_says_how_to_open_one()
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url($"/api/threads/{Guid.NewGuid()}");
            s.AsSender();
            s.StatusCodeShouldBe(404);
        });

        var problem = await result.ReadAsJsonAsync<JsonElement>();
        Assert.Contains("POST /api/threads", problem.GetProperty("detail").GetString());
    }
}
