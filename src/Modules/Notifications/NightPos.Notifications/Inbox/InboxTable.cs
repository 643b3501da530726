using System.Text.Json;
using Marten;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace NightPos.Notifications.Inbox;

/// <summary>
/// The inbox entries, a plain table rather than a document per entry: a post to thousands of
/// users writes its entries with one statement in the post's transaction. A row is the user,
/// the post and its time, keyed in that order, so that the key alone keeps an entry unique and
/// serves a user's inbox newest first; the thread's fields are read from the post and thread
/// documents (ADR 0013, ADR 0018).
/// </summary>
public static class InboxTable
{
    public const string Name = "notifications_inbox_entries";

    public static Table Define(string schema)
    {
        var table = new Table(
            new PostgresqlObjectName(schema, Name, SchemaUtils.IdentifierUsage.General));
        table.AddColumn("email", "text").AsPrimaryKey();
        table.AddColumn("at", "timestamptz").AsPrimaryKey();
        table.AddColumn<Guid>("post_id").AsPrimaryKey();
        return table;
    }

    /// <summary>
    /// Queues the entries of one post into the session's unit of work: they commit with the
    /// post or not at all, and an entry already there is left as it is.
    /// </summary>
    public static void Insert(
        IDocumentSession session,
        Guid postId,
        DateTimeOffset at,
        IReadOnlyList<string> emails)
    {
        if (emails.Count == 0)
        {
            return;
        }

        session.QueueSqlCommand(
            $"insert into {Qualified(session)} (email, at, post_id) "
            + "select e.email, ?, ? from unnest(?) as e(email) on conflict do nothing",
            at, postId, emails.ToArray());
    }

    /// <summary>
    /// A user's entries, newest first. Rows come back as JSON text: asked for an
    /// <see cref="InboxEntry"/>, Marten would expect the columns of a document.
    /// </summary>
    public static async Task<IReadOnlyList<InboxEntry>> ReadAsync(
        IQuerySession session,
        string email,
        int limit,
        CancellationToken cancellation)
    {
        // Ordered as the key, read backwards: no sort.
        var rows = await session.AdvancedSql.QueryAsync<string>(
            "select jsonb_build_object('Email', email, 'At', at, 'PostId', post_id)::text "
            + $"from {Qualified(session)} where email = ? "
            + "order by at desc, post_id desc limit ?",
            cancellation, email, limit);
        return rows.Select(row => JsonSerializer.Deserialize<InboxEntry>(row)!).ToList();
    }

    private static string Qualified(IQuerySession session) =>
        $"{session.DocumentStore.Options.DatabaseSchemaName}.{Name}";
}
