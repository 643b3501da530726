using DotNet.Testcontainers.Builders;
using Npgsql;
using Testcontainers.PostgreSql;

namespace NightPos.Testing;

/// <summary>
/// The PostgreSQL server the tests use: <c>NIGHTPOS_TEST_POSTGRES</c> when given, else a
/// Testcontainers server when a Docker engine answers. Each host gets a database of its own, so
/// test assemblies running side by side never see each other's data.
/// </summary>
public static class TestPostgres
{
    public const string EnvironmentVariable = "NIGHTPOS_TEST_POSTGRES";

    private static readonly Lazy<Task<string>> Server = new(ResolveServerAsync);

    public static Task<string> ServerConnectionStringAsync() => Server.Value;

    /// <summary>Creates an empty database and answers its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string purpose)
    {
        var server = await Server.Value;

        // PostgreSQL names hold 63 bytes: the purpose is shortened, never the unique part, so
        // that hosts of one long-named assembly cannot draw the same name.
        var name = $"test_{Sanitize(purpose)[..Math.Min(24, purpose.Length)]}_{Guid.NewGuid():N}";

        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"create database \"{name}\"";
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var server = await Server.Value;
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();

        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"drop database if exists \"{name}\" with (force)";
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> ResolveServerAsync()
    {
        var given = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            return given;
        }

        try
        {
            var container = new PostgreSqlBuilder("postgres:15-alpine").Build();
            await container.StartAsync();
            return container.GetConnectionString();
        }
        catch (DockerUnavailableException)
        {
            throw new InvalidOperationException(
                $"No PostgreSQL for the tests: set {EnvironmentVariable}, start a Docker engine, "
                + "or run scripts/test, which starts a local server.");
        }
    }

    private static string Sanitize(string purpose) =>
        new(purpose.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')
            .ToArray());
}
