using Marten;
using Weasel.Postgresql;

namespace NightPos.Servers.OutgoingServers;

/// <summary>
/// Numbers servers in the order they are created, from a PostgreSQL sequence, the last
/// tie-breaker of SPEC R5's ordering. Marten's inline snapshots do not see the event sequence
/// in its quick append mode, so the number is taken before the event and carried by it.
/// </summary>
public static class CreationOrder
{
    private const string SequenceName = "server_creation_order";

    public static Sequence Sequence(string schema) => new($"{schema}.{SequenceName}");

    public static async Task<long> NextAsync(
        IDocumentSession session,
        CancellationToken cancellation)
    {
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        var next = await session.AdvancedSql.QueryAsync<long>(
            $"select nextval('{schema}.{SequenceName}')", cancellation);
        return next.Single();
    }
}
