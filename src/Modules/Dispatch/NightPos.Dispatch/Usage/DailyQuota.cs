using Marten;
using Microsoft.Extensions.Options;
using NightPos.Dispatch.Telemetry;
using Npgsql;
using NpgsqlTypes;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace NightPos.Dispatch.Usage;

/// <summary>
/// The default server's daily count (SPEC R10), one row per UTC day, changed by single atomic
/// statements so that several processes sharing the database never exceed the limit between
/// them (SPEC R18). A slot is taken before a message goes out and given back when the server
/// accepted none of its recipients.
/// </summary>
public sealed class DailyQuota(
    NpgsqlDataSource dataSource,
    IDocumentStore store,
    IOptions<DailyLimitOptions> options,
    DispatchMetrics metrics)
{
    public const string TableName = "dispatch_daily_usage";

    public int Limit => options.Value.DailyLimit;

    private string Table => $"{store.Options.DatabaseSchemaName}.{TableName}";

    public static Table Definition(string schema)
    {
        var table = new Table(
            new PostgresqlObjectName(schema, TableName, SchemaUtils.IdentifierUsage.General));
        table.AddColumn("day", "date").AsPrimaryKey();
        table.AddColumn("used", "integer").NotNull();
        return table;
    }

    /// <summary>
    /// Takes one slot of <paramref name="day"/>, or answers false when none is left.
    /// </summary>
    public async Task<bool> TryTakeAsync(DateOnly day, CancellationToken cancellation)
    {
        await using var command = dataSource.CreateCommand(
            $"insert into {Table} as u (day, used) select @day, 1 where @limit > 0 "
            + "on conflict (day) do update set used = u.used + 1 where u.used < @limit "
            + "returning used");
        command.Parameters.AddWithValue("day", NpgsqlDbType.Date, day);
        command.Parameters.AddWithValue("limit", Limit);
        if (await command.ExecuteScalarAsync(cancellation) is not int used)
        {
            return false;
        }

        metrics.DailyUsage(used);
        return true;
    }

    public async Task GiveBackAsync(DateOnly day, CancellationToken cancellation)
    {
        await using var command = dataSource.CreateCommand(
            $"update {Table} set used = used - 1 where day = @day and used > 0 returning used");
        command.Parameters.AddWithValue("day", NpgsqlDbType.Date, day);
        if (await command.ExecuteScalarAsync(cancellation) is int used)
        {
            metrics.DailyUsage(used);
        }
    }

    public async Task<int> UsedAsync(DateOnly day, CancellationToken cancellation)
    {
        await using var command = dataSource.CreateCommand(
            $"select used from {Table} where day = @day");
        command.Parameters.AddWithValue("day", NpgsqlDbType.Date, day);
        return await command.ExecuteScalarAsync(cancellation) is int used ? used : 0;
    }
}
