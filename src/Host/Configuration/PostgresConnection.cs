using System.Data.Common;
using Npgsql;

namespace NightPos.Host.Configuration;

/// <summary>
/// Where the PostgreSQL connection string comes from (API.md, "Starting the host"): the
/// environment variable <c>NIGHTPOS_POSTGRES</c> wins over <c>ConnectionStrings:Marten</c>.
/// There is deliberately no fallback: a host without a database refuses to start.
/// </summary>
internal static class PostgresConnection
{
    public const string EnvironmentVariable = "NIGHTPOS_POSTGRES";

    /// <summary>ADR 0022: statements kept prepared per connection unless the string says.</summary>
    public const int DefaultMaxAutoPrepare = 64;

    public static string Resolve(IConfiguration configuration)
    {
        // The host's configuration holds every environment variable, so reading the variable
        // through it lets a test host give its own database without touching the process.
        var fromEnvironment = configuration[EnvironmentVariable];
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }

        var fromConfiguration = configuration.GetConnectionString("Marten");
        if (!string.IsNullOrWhiteSpace(fromConfiguration))
        {
            return fromConfiguration;
        }

        throw new HostConfigurationException(
            $"No PostgreSQL connection string: set the environment variable {EnvironmentVariable} "
            + "or ConnectionStrings:Marten, e.g. \"Host=127.0.0.1;Port=5432;Database=nightpos;"
            + "Username=nightpos\".");
    }

    /// <summary>
    /// The data source every module shares (ADR 0022): Npgsql prepares the statements each
    /// connection runs most, unless the connection string chooses its own
    /// <c>Max Auto Prepare</c>, <c>0</c> included.
    /// </summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString) =>
        NpgsqlDataSource.Create(WithDefaults(connectionString));

    public static string WithDefaults(string connectionString)
    {
        // Npgsql's builder cannot tell a keyword left out from one written with its default
        // value, so the bare string is asked, in any of Npgsql's spellings of the keyword.
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var choosesPreparation = written.Keys.Cast<string>().Any(key =>
            string.Equals(key.Replace(" ", ""), "MaxAutoPrepare",
                StringComparison.OrdinalIgnoreCase));
        if (choosesPreparation)
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxAutoPrepare = DefaultMaxAutoPrepare,
        }.ConnectionString;
    }
}
