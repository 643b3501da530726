using System.Text.Json;
using Marten;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace NightPos.Notifications.Inbox;

/// <summary>
/// The inbox entries, a plain table rather than a document per entry: a post to thousands of
/// users writes its entries with one statement in the post's transaction, and a user's inbox
/// is read newest first from one index (ADR 0013).
/// </summary>
public static class InboxTable
{
    public const string Name = "notifications_inbox";

    public static Table Define(string schema)
    {
        var table = new Table(
            new PostgresqlObjectName(schema, Name, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<Guid>("id").AsPrimaryKey();
        table.AddColumn("email", "text").NotNull();
        table.AddColumn<Guid>("thread_id").NotNull();
        table.AddColumn<Guid>("post_id").NotNull();
        table.AddColumn("at", "timestamptz").NotNull();
        table.AddColumn("model", "text").NotNull();
        table.AddColumn("record_id", "text").NotNull();
        table.AddColumn("subject", "text").NotNull();
        table.Indexes.Add(new IndexDefinition($"ix_{Name}_email_at") { Columns = ["email", "at"] });
        return table;
    }

    /// <summary>
    /// Queues the entries of one post into the session's unit of work: they commit with the
    /// post or not at all, and an entry already there is left as it is.
    /// </summary>
    public static void Insert(IDocumentSession session, IReadOnlyList<InboxEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var first = entries[0];
        session.QueueSqlCommand(
            $"insert into {Qualified(session)} "
            + "(id, email, thread_id, post_id, at, model, record_id, subject) "
            + "select e.id, e.email, ?, ?, ?, ?, ?, ? from unnest(?, ?) as e(id, email) "
            + "on conflict (id) do nothing",
            first.ThreadId, first.PostId, first.At, first.Model, first.RecordId, first.Subject,
            entries.Select(e => e.Id).ToArray(), entries.Select(e => e.Email).ToArray());
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
        var rows = await session.AdvancedSql.QueryAsync<string>(
            "select jsonb_build_object('Id', id, 'Email', email, 'ThreadId', thread_id, "
            + "'PostId', post_id, 'At', at, 'Model', model, 'RecordId', record_id, "
            + $"'Subject', subject)::text from {Qualified(session)} where email = ? "
            + "order by at desc, id limit ?",
            cancellation, email, limit);
        return rows.Select(row => JsonSerializer.Deserialize<InboxEntry>(row)!).ToList();
    }

    private static string Qualified(IQuerySession session) =>
        $"{session.DocumentStore.Options.DatabaseSchemaName}.{Name}";
}
