using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using NightPos.Testing;

namespace NightPos.Host.Tests;

/// <summary>
/// The host reads its settings once: watching appsettings.json would watch every folder under
/// the content root, PostgreSQL's data folder of a development set-up among them.
/// </summary>
public sealed class ConfigurationWatchTests(NightPosApp app)
{
    [Fact]
    public void Host_does_not_watch_its_settings_files()
    {
        var configuration = (IConfigurationRoot)app.Host.Services
            .GetRequiredService<IConfiguration>();

        var files = configuration.Providers.OfType<JsonConfigurationProvider>().ToList();

        Assert.Contains(files, f => f.Source.Path == "appsettings.json");
        Assert.All(files, f => Assert.False(f.Source.ReloadOnChange, f.Source.Path));
    }
}
