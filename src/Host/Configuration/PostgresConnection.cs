namespace NightPos.Host.Configuration;

/// <summary>
/// Where the PostgreSQL connection string comes from (API.md, "Starting the host"): the
/// environment variable <c>NIGHTPOS_POSTGRES</c> wins over <c>ConnectionStrings:Marten</c>.
/// There is deliberately no fallback: a host without a database refuses to start.
/// </summary>
internal static class PostgresConnection
{
    public const string EnvironmentVariable = "NIGHTPOS_POSTGRES";

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
}
