using Alba;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Xunit;

namespace NightPos.Testing;

/// <summary>
/// A NightPOS Mail host on a database of its own, driven over HTTP by Alba. Share one per test
/// assembly (an assembly fixture) and create extra ones only when a test needs an empty
/// database, or a second process on the same one (<see cref="StartOnAsync"/>).
/// </summary>
public sealed class NightPosApp : IAsyncLifetime
{
    private readonly Action<IWebHostBuilder>? _configure;
    private readonly bool _ownsDatabase;
    private readonly bool _solo;
    private IAlbaHost? _host;

    public NightPosApp() : this(null, null, solo: true)
    {
    }

    private NightPosApp(Action<IWebHostBuilder>? configure, string? database, bool solo)
    {
        _configure = configure;
        _ownsDatabase = database is null;
        _solo = solo;
        ConnectionString = database ?? "";
    }

    public IAlbaHost Host => _host ?? throw new InvalidOperationException("Not started yet.");

    public string ConnectionString { get; private set; } = "";

    /// <summary>Starts a host on a new, empty database; the caller disposes it.</summary>
    public static async Task<NightPosApp> StartAsync(Action<IWebHostBuilder>? configure = null)
    {
        var app = new NightPosApp(configure, null, solo: true);
        await app.InitializeAsync();
        return app;
    }

    /// <summary>
    /// Starts a host on the database of another, as a second process of one installation would
    /// (SPEC R18); the database outlives it. <paramref name="solo"/> false lets Wolverine share
    /// the work among the hosts by leader election, as in production.
    /// </summary>
    public static async Task<NightPosApp> StartOnAsync(
        string connectionString,
        Action<IWebHostBuilder>? configure = null,
        bool solo = true)
    {
        var app = new NightPosApp(configure, connectionString, solo);
        await app.InitializeAsync();
        return app;
    }

    public async ValueTask InitializeAsync()
    {
        if (_ownsDatabase)
        {
            ConnectionString = await TestPostgres.CreateDatabaseAsync(
                AppDomain.CurrentDomain.FriendlyName);
        }

        _host = await AlbaHost.For<Program>(builder =>
        {
            builder.UseSetting("NIGHTPOS_POSTGRES", ConnectionString);
            builder.UseSetting("NightPos:Auth:AdminKey", TestKeys.Admin);
            builder.UseSetting("NightPos:Auth:AuditorKey", TestKeys.Auditor);
            builder.UseSetting("NightPos:Auth:SenderKey", TestKeys.Sender);
            builder.UseSetting("NightPos:Secrets:MasterKey", TestKeys.MasterKey);
            if (_solo)
            {
                builder.ConfigureServices(services => services.RunWolverineInSoloMode());
            }

            _configure?.Invoke(builder);
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_ownsDatabase && ConnectionString.Length > 0)
        {
            await TestPostgres.DropDatabaseAsync(ConnectionString);
        }
    }
}
