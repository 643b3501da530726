using Alba;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NightPos.Servers.Contracts;
using NightPos.Testing;
using Npgsql;
using Wolverine;

namespace NightPos.Servers.Tests;

/// <summary>
/// The host these tests share: a short test-connection timeout, a private authority delivery
/// trusts (<see cref="Authority"/>), and every log line captured so that a test can search them
/// for a secret.
/// </summary>
public sealed class ServersApp : IAsyncLifetime
{
    public const string TestTimeout = "00:00:02";

    private NightPosApp? _app;

    public IAlbaHost Host => _app?.Host ?? throw new InvalidOperationException("Not started.");

    public string ConnectionString => _app?.ConnectionString ?? "";

    public LogCapture Logs { get; } = new();

    /// <summary>The authority <c>NightPos:Delivery:TrustedCertificates</c> names.</summary>
    public TestAuthority Authority { get; } = TestAuthority.Create();

    public async ValueTask InitializeAsync()
    {
        _app = await NightPosApp.StartAsync(builder =>
        {
            builder.UseSetting("NightPos:Servers:TestTimeout", TestTimeout);
            builder.UseSetting("NightPos:Delivery:TrustedCertificates", Authority.AuthorityPemPath);
            builder.UseSetting("Logging:LogLevel:Default", "Debug");
            builder.ConfigureServices(services =>
                services.AddSingleton<ILoggerProvider>(Logs));
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        Authority.Dispose();
    }

    /// <summary>The Servers configuration revision, asked through the module's contract.</summary>
    public async Task<Guid> RevisionAsync()
    {
        using var scope = Host.Services.CreateScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        return await bus.InvokeAsync<Guid>(new GetServersConfigurationRevision());
    }

    public async Task<ServersConfiguration> ConfigurationAsync(DateTimeOffset? at = null)
    {
        using var scope = Host.Services.CreateScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        return await bus.InvokeAsync<ServersConfiguration>(new GetServersConfiguration(at));
    }

    /// <summary>How many events the whole store holds, of every stream and module.</summary>
    public async Task<long> EventCountAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select count(*) from nightpos.mt_events", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
