using JasperFx.Events;
using Marten;
using Marten.Events;
using NightPos.Domains.AliasDomains;
using NightPos.Domains.Companies;

namespace NightPos.Domains;

/// <summary>
/// Which alias domain or company was created first: the global sequence of the event that
/// started its stream. Timestamps cannot tell (equal under a frozen clock, skewed between
/// hosts), and the inline documents cannot hold it, since Marten's default append mode
/// assigns sequences only when the transaction commits (ADR 0006).
/// </summary>
public sealed class CreationOrder(IReadOnlyDictionary<Guid, long> firstSequences)
{
    private static readonly Type[] StartEvents = [typeof(AliasDomainAdded), typeof(CompanyAdded)];

    /// <summary>The stream's first sequence; a stream not yet committed sorts last.</summary>
    public long Of(Guid streamId) => firstSequences.GetValueOrDefault(streamId, long.MaxValue);

    public static async Task<CreationOrder> LoadAsync(
        IQuerySession session,
        CancellationToken cancellation)
    {
        var starts = await session.Events.QueryAllRawEvents()
            .Where(e => e.EventTypesAre(StartEvents))
            .ToListAsync(cancellation);
        return From(starts);
    }

    /// <summary>The order among events already loaded, e.g. for an as-of replay.</summary>
    public static CreationOrder From(IEnumerable<IEvent> events)
    {
        var first = new Dictionary<Guid, long>();
        foreach (var e in events.Where(e => StartEvents.Contains(e.EventType)))
        {
            first.TryAdd(e.StreamId, e.Sequence);
        }

        return new CreationOrder(first);
    }
}
