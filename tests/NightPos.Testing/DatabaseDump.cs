using System.Text;
using Npgsql;

namespace NightPos.Testing;

/// <summary>
/// Every row of every table of every schema of a test database, as text: what a secret scan
/// searches (SPEC R17), so that no table a module or a framework adds can be left out.
/// </summary>
public static class DatabaseDump
{
    public static async Task<(IReadOnlyList<string> Tables, string Rows)> ReadAsync(
        string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select format('%I.%I', table_schema, table_name) from information_schema.tables "
            + "where table_type = 'BASE TABLE' "
            + "and table_schema not in ('pg_catalog', 'information_schema')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var rows = new StringBuilder();
        foreach (var table in tables)
        {
            await using var select =
                new NpgsqlCommand($"select t::text from {table} t", connection);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.AppendLine(reader.GetString(0));
            }
        }

        return (tables, rows.ToString());
    }
}
