namespace NightPos.Host.Tests;

/// <summary>
/// Starts the real host as a process, the way an operator would, and checks that it refuses
/// to run rather than half-start when something it needs is missing.
/// </summary>
public sealed class StartupTests
{
    private static readonly Dictionary<string, string> Keys = new()
    {
        ["NightPos__Auth__AdminKey"] = "startup-admin-key-0001",
        ["NightPos__Auth__AuditorKey"] = "startup-auditor-key-0002",
        ["NightPos__Auth__SenderKey"] = "startup-sender-key-0003",
        ["NightPos__Secrets__MasterKey"] = Convert.ToBase64String(new byte[32]),
    };

    [Fact]
    public async Task Host_exits_non_zero_when_PostgreSQL_is_unreachable()
    {
        var environment = new Dictionary<string, string>(Keys)
        {
            ["NIGHTPOS_POSTGRES"] = "Host=127.0.0.1;Port=1;Database=nightpos;Timeout=3",
        };

        var (exitCode, output) = await RunHostAsync(environment);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("PostgreSQL at 127.0.0.1:1 (database 'nightpos') is unreachable", output);
    }

    [Fact]
    public async Task Host_exits_non_zero_without_a_connection_string()
    {
        var (exitCode, output) = await RunHostAsync(new Dictionary<string, string>(Keys));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("No PostgreSQL connection string", output);
    }

    [Fact]
    public async Task Host_exits_non_zero_without_a_sender_key()
    {
        var environment = new Dictionary<string, string>(Keys)
        {
            ["NIGHTPOS_POSTGRES"] = "Host=127.0.0.1;Port=1;Database=nightpos;Timeout=3",
        };
        environment.Remove("NightPos__Auth__SenderKey");

        var (exitCode, output) = await RunHostAsync(environment);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("NightPos:Auth:SenderKey is missing", output);
    }

    [Theory]
    [InlineData(null, "NightPos:Secrets:MasterKey is missing")]
    [InlineData("not base64 at all!", "NightPos:Secrets:MasterKey is not the base64 of 32 bytes")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==", "is not the base64 of 32 bytes")]
    public async Task Host_exits_non_zero_without_a_valid_master_key(string? key, string message)
    {
        var environment = new Dictionary<string, string>(Keys)
        {
            ["NIGHTPOS_POSTGRES"] = "Host=127.0.0.1;Port=1;Database=nightpos;Timeout=3",
        };
        environment.Remove("NightPos__Secrets__MasterKey");
        if (key is not null)
        {
            environment["NightPos__Secrets__MasterKey"] = key;
        }

        var (exitCode, output) = await RunHostAsync(environment);

        Assert.NotEqual(0, exitCode);
        Assert.Contains(message, output);
    }

    private static async Task<(int ExitCode, string Output)> RunHostAsync(
        Dictionary<string, string> environment)
    {
        var (exitCode, output, error) = await HostProcess.RunAsync(environment);
        return (exitCode, HostProcess.Joined(output + error));
    }
}
