using Npgsql;
using NightPos.Host.Configuration;

namespace NightPos.Host.Startup;

/// <summary>
/// Runs in the starting phase, before Marten and Wolverine set up their tables, so that an
/// unreachable database stops the host with one clear sentence instead of a stack trace from
/// deep inside schema migration.
/// </summary>
internal sealed class DatabaseReachabilityCheck(NpgsqlDataSource dataSource)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw new HostConfigurationException(
                $"PostgreSQL at {target.Host}:{target.Port} (database '{target.Database}') is "
                + $"unreachable: {e.Message}. Start it (scripts/run starts a local one) or point "
                + $"{PostgresConnection.EnvironmentVariable} at a running server.");
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
