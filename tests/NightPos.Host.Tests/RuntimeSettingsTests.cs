using System.Text.Json;
using NightPos.Testing;

namespace NightPos.Host.Tests;

/// <summary>
/// The runtime settings the host is built with, read from its own build output: the load
/// benchmark's memory, flatness and rate figures hold only with them (ADR 0014, 0021, 0023).
/// </summary>
public sealed class RuntimeSettingsTests
{
    [Theory]
    [InlineData("System.GC.Server", "false")]
    [InlineData("System.Runtime.TieredCompilation", "false")]
    [InlineData("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit", "0")]
    public void Host_runs_with_its_chosen_runtime_settings(string setting, string expected)
    {
        var runtimeConfig = Path.ChangeExtension(HostAssembly.Path(), ".runtimeconfig.json");
        using var json = JsonDocument.Parse(File.ReadAllText(runtimeConfig));

        var properties = json.RootElement.GetProperty("runtimeOptions")
            .GetProperty("configProperties");

        Assert.True(properties.TryGetProperty(setting, out var value),
            $"{runtimeConfig} does not set {setting}.");
        Assert.Equal(expected, value.ValueKind is JsonValueKind.String
            ? value.GetString()
            : value.GetRawText());
    }
}
