using NightPos.Testing;

namespace NightPos.Domains.Tests.Support;

/// <summary>A database of its own that several hosts can start on; dropped when disposed.</summary>
public sealed class EmptyDatabase : IAsyncDisposable
{
    private EmptyDatabase(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public static async Task<EmptyDatabase> CreateAsync() =>
        new(await TestPostgres.CreateDatabaseAsync("domains_shared"));

    /// <summary>Starts a host on this database instead of a database of its own.</summary>
    public Task<NightPosApp> StartHostAsync() =>
        NightPosApp.StartAsync(builder => builder.UseSetting("NIGHTPOS_POSTGRES", ConnectionString));

    public async ValueTask DisposeAsync() => await TestPostgres.DropDatabaseAsync(ConnectionString);
}
