using System.Text.Json;
using Alba;
using NightPos.Testing;

namespace NightPos.Host.Tests.Commands;

/// <summary>
/// Marten's <c>projections rebuild</c>, run by the host's command runner against a database with
/// configuration and a message: it reports its progress and rebuilds what the API reads.
/// </summary>
public sealed class ProjectionsCommandTests(NightPosApp app) : IClassFixture<NightPosApp>
{
    [Fact]
    public async Task Projections_rebuild_command_shows_progress_and_keeps_what_the_API_reads()
    {
        await CommandLine.AddServerAsync(app.Host, "Rebuilt relay", "rebuilt.example");
        var accepted = await (await app.Host.Scenario(s =>
        {
            s.Post.Json(new { from = "mary@rebuilt.example", to = new[] { "ann@example.com" } })
                .ToUrl("/api/messages");
            s.AsSender();
            s.StatusCodeShouldBe(202);
        })).ReadAsJsonAsync<JsonElement>();
        var id = accepted.GetProperty("id").GetGuid();

        var (exitCode, output, error) = await CommandLine.RunAsync(
            CommandLine.Environment(app), "projections", "rebuild");

        Assert.True(exitCode == 0, output + error);
        Assert.Contains("Finished rebuilding Message", output);
        Assert.Contains("Finished rebuilding OutgoingServer", output);
        var message = await (await app.Host.Scenario(s =>
        {
            s.Get.Url($"/api/messages/{id}");
            s.AsSender();
            s.StatusCodeShouldBeOk();
        })).ReadAsJsonAsync<JsonElement>();
        Assert.Equal("Rebuilt relay", message.GetProperty("serverName").GetString());
    }
}
