using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace NightPos.Testing;

/// <summary>
/// A PostgreSQL cluster of the test's own (initdb into a temporary folder, on a free loopback
/// port) that the test may stop and start at will. The shared server of
/// <see cref="TestPostgres"/> is never restarted: other test assemblies run on it. The cluster
/// keeps PostgreSQL's durable defaults (fsync on), since what it tests is durability.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private const string User = "postgres";

    private readonly string _binaries;
    private readonly string _folder;

    private PrivatePostgres(string binaries, string folder, int port)
    {
        _binaries = binaries;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    private string DataFolder => Path.Combine(_folder, "data");

    /// <summary>Creates the cluster and starts it.</summary>
    public static async Task<PrivatePostgres> StartAsync()
    {
        var binaries = Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")))
            .OrderByDescending(d => d, StringComparer.Ordinal)
            .FirstOrDefault()
            ?? throw new InvalidOperationException(
                "No PostgreSQL binaries under /usr/lib/postgresql/*/bin: "
                + "apt-get install -y postgresql");
        var folder = Directory.CreateTempSubdirectory("nightpos-pg-").FullName;
        var cluster = new PrivatePostgres(binaries, folder, FreePort());

        // PostgreSQL refuses to run as root (STACK-NOTES): the cluster then belongs to postgres.
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", [User, folder]);
        }

        await cluster.PgAsync("initdb", "-D", cluster.DataFolder, "-U", User, "-A", "trust",
            "--no-sync", "-E", "UTF8");
        await File.AppendAllTextAsync(Path.Combine(cluster.DataFolder, "postgresql.conf"),
            $"""

            listen_addresses = '127.0.0.1'
            port = {cluster.Port}
            unix_socket_directories = '{cluster.DataFolder}'
            max_connections = 300
            """);
        await cluster.StartAgainAsync();
        return cluster;
    }

    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = User,
            Database = database,
        }.ConnectionString;

    /// <summary>Creates an empty database and answers its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"create database \"{name}\"";
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>
    /// Stops the server at once, as a crash or a power cut would (<c>-m immediate</c>): open
    /// connections break and the next start recovers from the write-ahead log.
    /// </summary>
    public Task StopAsync() =>
        PgAsync("pg_ctl", "-D", DataFolder, "-m", "immediate", "-w", "stop");

    public Task StartAgainAsync() =>
        PgAsync("pg_ctl", "-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w",
            "-t", "60", "start");

    public async Task RestartAsync(TimeSpan down)
    {
        await StopAsync();
        await Task.Delay(down);
        await StartAgainAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped by the test.
        }

        Directory.Delete(_folder, recursive: true);
    }

    private Task PgAsync(string program, params string[] arguments)
    {
        var path = Path.Combine(_binaries, program);
        return Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", User, "--", path, .. arguments])
            : RunAsync(path, arguments);
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} "
                + $"exited with {process.ExitCode}: {await output}{await errors}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
