using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NightPos.Servers.Contracts;
using NightPos.Servers.Secrets;
using NightPos.Testing;

namespace NightPos.Host.Tests.Commands;

/// <summary>
/// <c>rotate-master-key</c> (ADR 0017): stored credentials survive the move to a new master key,
/// and a key the command cannot open leaves everything as it was.
/// </summary>
public sealed class RotateMasterKeyCommandTests : IAsyncLifetime
{
    private static readonly string NewKey =
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private readonly string _keyFile = Path.GetTempFileName();
    private NightPosApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await NightPosApp.StartAsync();
        await File.WriteAllTextAsync(_keyFile, NewKey + "\n");
    }

    [Fact]
    public async Task Rotate_master_key_command_rewraps_every_data_key_under_the_new_key()
    {
        var first = await CommandLine.AddServerAsync(_app.Host, "Relay one", "one.example");
        var second = await CommandLine.AddServerAsync(_app.Host, "Relay two", "two.example");

        var (exitCode, output, error) = await CommandLine.RunAsync(
            CommandLine.Environment(_app), "rotate-master-key", "--new-key-file", _keyFile);

        Assert.True(exitCode == 0, output + error);
        Assert.Contains("re-wrapped 2 of 2 data keys", output);
        Assert.Contains("2 data keys re-wrapped, 0 already under the new key", output);
        Assert.DoesNotContain(NewKey, output + error);
        await using (var rotated = await NightPosApp.StartOnAsync(_app.ConnectionString,
            builder => builder.UseSetting("NightPos:Secrets:MasterKey", NewKey)))
        {
            var credentials = rotated.Host.Services.GetRequiredService<IServerCredentials>();
            foreach (var id in new[] { first, second })
            {
                var secrets = await credentials.GetAsync(id, TestContext.Current.CancellationToken);
                Assert.Equal(CommandLine.ServerPassword, secrets?.Password);
            }
        }

        var old = _app.Host.Services.GetRequiredService<IServerCredentials>();
        await Assert.ThrowsAsync<SecretUnavailableException>(
            () => old.GetAsync(first, TestContext.Current.CancellationToken));

        // Run again, as after a crash: what is already under the new key stays as it is.
        (exitCode, output, error) = await CommandLine.RunAsync(
            CommandLine.Environment(_app), "rotate-master-key", "--new-key-file", _keyFile);
        Assert.True(exitCode == 0, output + error);
        Assert.Contains("0 data keys re-wrapped, 2 already under the new key", output);
    }

    [Fact]
    public async Task Rotate_master_key_command_changes_nothing_when_a_key_is_under_another_master()
    {
        var id = await CommandLine.AddServerAsync(_app.Host, "Relay three", "three.example");
        var stranger = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

        var (exitCode, output, error) = await CommandLine.RunAsync(
            CommandLine.Environment(_app, masterKey: stranger),
            "rotate-master-key", "--new-key-file", _keyFile);

        Assert.Equal(1, exitCode);
        Assert.Contains("Nothing was changed", HostProcess.Joined(error));
        var credentials = _app.Host.Services.GetRequiredService<IServerCredentials>();
        var secrets = await credentials.GetAsync(id, TestContext.Current.CancellationToken);
        Assert.Equal(CommandLine.ServerPassword, secrets?.Password);
    }

    [Theory]
    [InlineData(null, "No new master key: give --new-key-file PATH")]
    [InlineData("/nonexistent/new.key", "--new-key-file /nonexistent/new.key: no such file")]
    public async Task Rotate_master_key_command_asks_for_the_new_key(string? file, string message)
    {
        string[] arguments = file is null
            ? ["rotate-master-key"]
            : ["rotate-master-key", "--new-key-file", file];

        var (exitCode, _, error) = await CommandLine.RunAsync(
            CommandLine.Environment(_app), arguments);

        Assert.Equal(1, exitCode);
        Assert.Contains(message, HostProcess.Joined(error));
    }

    [Fact]
    public async Task Rotate_master_key_command_refuses_a_key_that_is_not_32_bytes()
    {
        await File.WriteAllTextAsync(
            _keyFile, Convert.ToBase64String(new byte[16]), TestContext.Current.CancellationToken);

        var (exitCode, _, error) = await CommandLine.RunAsync(
            CommandLine.Environment(_app), "rotate-master-key", "--new-key-file", _keyFile);

        Assert.Equal(1, exitCode);
        Assert.Contains("is not the base64 of 32 bytes", HostProcess.Joined(error));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        File.Delete(_keyFile);
    }
}
