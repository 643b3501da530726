using NightPos.Testing;

namespace NightPos.Host.Tests.Commands;

/// <summary>
/// <c>route</c> and <c>history</c> against a database of their own, configured over the API.
/// </summary>
public sealed class ConfigurationCommandTests(NightPosApp app) : IClassFixture<NightPosApp>
{
    [Fact]
    public async Task Route_command_prints_server_from_envelope_rule_and_explanation()
    {
        var serverId = await CommandLine.AddServerAsync(app.Host, "Route relay", "route.example");

        var (exitCode, output, error) = await CommandLine.RunAsync(
            CommandLine.Environment(app), "route", "--from", "\"Mary\" <mary@route.example>");

        Assert.True(exitCode == 0, output + error);
        Assert.Equal($"Route relay ({serverId})", CommandLine.Field(output, "server"));
        Assert.Equal("Mary <mary@route.example>", CommandLine.Field(output, "from"));
        Assert.Equal("mary@route.example", CommandLine.Field(output, "envelope from"));
        Assert.Equal("domain", CommandLine.Field(output, "rule"));
        Assert.StartsWith("No FROM filter holds the author's whole address",
            CommandLine.Field(output, "explanation"));
        Assert.DoesNotContain(CommandLine.ServerPassword, output + error);
    }

    [Theory]
    [InlineData(new[] { "route", "--from", "mary@" }, "--from: The from value")]
    [InlineData(new[] { "route", "--server", "relay-1" }, "--server 'relay-1' is not an id")]
    [InlineData(new[] { "route", "--at", "yesterday" }, "--at 'yesterday' is not an instant")]
    [InlineData(new[] { "route", "--company", "0b7e6d2c-5d8f-4a8e-9a61-3f1c2d4e5f60" },
        "--company: ")]
    [InlineData(new[] { "history", "--at", "2999-01-01T00:00:00Z" }, "is in the future")]
    public async Task Configuration_commands_refuse_bad_arguments_with_exit_code_1(
        string[] arguments,
        string message)
    {
        var (exitCode, _, error) = await CommandLine.RunAsync(
            CommandLine.Environment(app), arguments);

        Assert.Equal(1, exitCode);
        Assert.Contains(message, HostProcess.Joined(error));
    }

    [Fact]
    public async Task History_command_prints_the_configuration_as_it_stood_at_an_instant()
    {
        var before = DateTimeOffset.UtcNow;
        await CommandLine.AddServerAsync(app.Host, "History relay", "history.example");

        var (exitCode, then, error) = await CommandLine.RunAsync(
            CommandLine.Environment(app), "history", "--at", before.ToString("O"));
        Assert.True(exitCode == 0, then + error);
        (exitCode, var now, error) = await CommandLine.RunAsync(
            CommandLine.Environment(app), "history", "--changes");
        Assert.True(exitCode == 0, now + error);

        Assert.DoesNotContain("History relay", then);
        Assert.Contains("\"name\": \"History relay\"", now);
        Assert.Contains("outgoing_server_added", now);
        Assert.DoesNotContain(CommandLine.ServerPassword, then + now + error);
    }
}
