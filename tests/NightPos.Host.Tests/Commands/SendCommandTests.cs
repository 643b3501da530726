using System.Text.Json;
using NightPos.Testing;

namespace NightPos.Host.Tests.Commands;

/// <summary>
/// <c>send</c> and <c>usage</c> against a database of their own, with Postfix's smtp-sink as the
/// default server, so that the message really goes out.
/// </summary>
public sealed class SendCommandTests(NightPosApp app) : IClassFixture<NightPosApp>, IDisposable
{
    private readonly SmtpSink _sink = new();

    [Fact]
    public async Task Send_command_delivers_through_the_send_command_and_usage_counts_it()
    {
        var environment = Environment();

        var (exitCode, output, error) = await CommandLine.RunAsync(environment,
            "send", "--to", "ann@example.com", "--from", "\"Mary\" <mary@customer.com>");

        Assert.True(exitCode == 0, output + error);
        var id = Guid.Parse(CommandLine.Field(output, "queued").Split(' ')[0]);
        Assert.Contains("from Mary <notifications@company-name.nightpos.com>, envelope "
            + "bounce@company-name.nightpos.com", CommandLine.Field(output, "sent"));
        var message = await (await app.Host.Scenario(s =>
        {
            s.Get.Url($"/api/messages/{id}");
            s.AsSender();
        })).ReadAsJsonAsync<JsonElement>();
        Assert.Equal("sent", message.GetProperty("state").GetString());

        (exitCode, output, error) = await CommandLine.RunAsync(environment, "usage");

        Assert.True(exitCode == 0, output + error);
        Assert.Equal("1", CommandLine.Field(output, "used"));
        Assert.Equal("7", CommandLine.Field(output, "limit"));
        Assert.Equal("6", CommandLine.Field(output, "remaining"));
    }

    [Theory]
    [InlineData(new[] { "send" }, "--to is missing")]
    [InlineData(new[] { "send", "--to", "ann@example.com", "--company", "acme" },
        "--company 'acme' is not an id")]
    [InlineData(new[] { "send", "--to", "ann@example.com", "--kind", "bulk" },
        "--kind 'bulk' is neither transactional nor mass")]
    [InlineData(new[] { "send", "--to", "ann@example.com", "--wait", "-1" },
        "--wait -1 is not between 0 and 3600 seconds")]
    public async Task Send_command_refuses_bad_arguments_before_touching_the_database(
        string[] arguments,
        string message)
    {
        var (exitCode, output, error) = await CommandLine.RunAsync(Environment(), arguments);

        Assert.Equal(1, exitCode);
        Assert.Contains(message, error);
        Assert.DoesNotContain("queued", output);
    }

    [Fact]
    public async Task Send_command_refuses_what_the_send_command_refuses_and_queues_nothing()
    {
        var (exitCode, output, error) = await CommandLine.RunAsync(Environment(),
            "send", "--to", "ann@example.com", "not an address", "--wait", "0");

        Assert.Equal(1, exitCode);
        Assert.Contains("--to: to[1] 'not an address' is not an email address",
            HostProcess.Joined(error));
        Assert.DoesNotContain("queued", output);
    }

    public void Dispose() => _sink.Dispose();

    private Dictionary<string, string> Environment()
    {
        var environment = CommandLine.Environment(app);
        environment["NightPos__DefaultServer__Host"] = "127.0.0.1";
        environment["NightPos__DefaultServer__Port"] = _sink.Port.ToString();
        environment["NightPos__DefaultServer__Encryption"] = "none";
        environment["NightPos__DailyLimit"] = "7";
        return environment;
    }
}
