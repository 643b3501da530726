using JasperFx.Events;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Authorization;
using NightPos.Kernel;
using Wolverine.Http;

namespace NightPos.Host.Auditing;

/// <summary>One configuration change as auditors read it (API.md, "History").</summary>
public sealed record HistoryEntry(
    long Sequence,
    DateTimeOffset At,
    string? Actor,
    string Type,
    Guid Stream,
    object Data);

/// <summary>
/// Lists configuration events in the order they were recorded. It lives in the host because the
/// modules share one event store (ADR 0003) and the history spans all of them.
/// </summary>
public static class HistoryEndpoint
{
    [WolverineGet("/api/history")]
    [Authorize(Policy = Policies.Audit)]
    public static async Task<IReadOnlyList<HistoryEntry>> Get(
        DateTimeOffset? from,
        DateTimeOffset? to,
        Guid? stream,
        IQuerySession session,
        CancellationToken cancellation)
    {
        var types = ConfigurationEventTypes(session);
        if (types.Length == 0)
        {
            return [];
        }

        var query = session.Events.QueryAllRawEvents().Where(e => e.EventTypesAre(types));
        if (from is { } start)
        {
            query = query.Where(e => e.Timestamp >= start);
        }

        if (to is { } end)
        {
            query = query.Where(e => e.Timestamp <= end);
        }

        if (stream is { } id)
        {
            query = query.Where(e => e.StreamId == id);
        }

        var events = await query.OrderBy(e => e.Sequence).ToListAsync(cancellation);
        return events.Select(ToEntry).ToList();
    }

    private static Type[] ConfigurationEventTypes(IQuerySession session) =>
        session.DocumentStore.Options.Events.AllKnownEventTypes()
            .Select(t => t.EventType)
            .Where(t => t.IsAssignableTo(typeof(IConfigurationEvent)))
            .ToArray();

    private static HistoryEntry ToEntry(IEvent e) =>
        new(e.Sequence, e.Timestamp, e.UserName, e.EventTypeName, e.StreamId, e.Data);
}
