using System.Text.Json;
using NightPos.Testing;

namespace NightPos.Host.Tests;

/// <summary>
/// The runtime settings the host is built with, read from its own build output: the load
/// benchmark's memory and flatness figures hold only with them (ADR 0014).
/// </summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void Host_runs_with_the_workstation_garbage_collector()
    {
        var runtimeConfig = Path.ChangeExtension(HostAssembly.Path(), ".runtimeconfig.json");
        using var json = JsonDocument.Parse(File.ReadAllText(runtimeConfig));

        var properties = json.RootElement.GetProperty("runtimeOptions")
            .GetProperty("configProperties");

        Assert.True(properties.TryGetProperty("System.GC.Server", out var server),
            $"{runtimeConfig} does not say which garbage collector the host uses.");
        Assert.False(server.GetBoolean());
    }
}
