using Npgsql;

namespace NightPos.Dispatch.Load;

/// <summary>
/// What PostgreSQL did for the host: transactions committed in its database and WAL flushes of
/// the cluster (nothing else writes to the benchmark's private cluster), and the lifecycle
/// events the host has appended so far.
/// </summary>
public sealed class DatabaseCounters(NpgsqlDataSource admin, NpgsqlDataSource host, string name)
{
    public async Task<(long Commits, long WalSyncs)> ReadAsync()
    {
        // Statistics reach pg_stat_* when a backend reports them, at most once a second.
        await using var command = admin.CreateCommand(
            "select pg_stat_clear_snapshot(), "
            + "(select xact_commit from pg_stat_database where datname = $1), "
            + "(select wal_sync from pg_stat_wal)");
        command.Parameters.AddWithValue(name);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(1), reader.GetInt64(2));
    }

    public async Task<(long Dispatched, long NotSent)> DeliveriesAsync()
    {
        await using var command = host.CreateCommand(
            "select count(*) filter (where type = 'message_dispatched'), "
            + "count(*) filter (where type in ('message_deferred', 'message_failed')) "
            + "from nightpos.mt_events "
            + "where type in ('message_dispatched', 'message_deferred', 'message_failed')");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
