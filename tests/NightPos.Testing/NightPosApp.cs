using Alba;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Xunit;

namespace NightPos.Testing;

/// <summary>
/// A NightPOS Mail host on a database of its own, driven over HTTP by Alba. Share one per test
/// assembly (an assembly fixture) and create extra ones only when a test needs an empty
/// database.
/// </summary>
public sealed class NightPosApp : IAsyncLifetime
{
    private readonly Action<IWebHostBuilder>? _configure;
    private IAlbaHost? _host;

    public NightPosApp() : this(null)
    {
    }

    private NightPosApp(Action<IWebHostBuilder>? configure) => _configure = configure;

    public IAlbaHost Host => _host ?? throw new InvalidOperationException("Not started yet.");

    public string ConnectionString { get; private set; } = "";

    /// <summary>Starts a host on a new, empty database; the caller disposes it.</summary>
    public static async Task<NightPosApp> StartAsync(Action<IWebHostBuilder>? configure = null)
    {
        var app = new NightPosApp(configure);
        await app.InitializeAsync();
        return app;
    }

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await TestPostgres.CreateDatabaseAsync(
            AppDomain.CurrentDomain.FriendlyName);

        _host = await AlbaHost.For<Program>(builder =>
        {
            builder.UseSetting("NIGHTPOS_POSTGRES", ConnectionString);
            builder.UseSetting("NightPos:Auth:AdminKey", TestKeys.Admin);
            builder.UseSetting("NightPos:Auth:AuditorKey", TestKeys.Auditor);
            builder.UseSetting("NightPos:Auth:SenderKey", TestKeys.Sender);
            builder.UseSetting("NightPos:Secrets:MasterKey", TestKeys.MasterKey);
            builder.ConfigureServices(services => services.RunWolverineInSoloMode());
            _configure?.Invoke(builder);
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (ConnectionString.Length > 0)
        {
            await TestPostgres.DropDatabaseAsync(ConnectionString);
        }
    }
}
