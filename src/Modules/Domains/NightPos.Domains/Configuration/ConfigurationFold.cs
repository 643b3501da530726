using JasperFx.Events;
using Marten.Events.Aggregation;

namespace NightPos.Domains.Configuration;

/// <summary>
/// Rebuilds documents from raw events with the very projection that keeps them inline, so an
/// as-of answer and the current documents cannot disagree about a rule (ADR 0006).
/// </summary>
internal static class ConfigurationFold
{
    /// <summary>
    /// Folds the events of the projection's types, given in sequence order, one stream at a
    /// time; streams whose fold ends without a document are left out.
    /// </summary>
    public static List<TDoc> Fold<TDoc>(
        SingleStreamProjection<TDoc, Guid> projection,
        IReadOnlyList<Type> eventTypes,
        IEnumerable<IEvent> events)
        where TDoc : class
    {
        var states = new Dictionary<Guid, TDoc?>();
        foreach (var e in events.Where(e => eventTypes.Contains(e.EventType)))
        {
            var before = states.GetValueOrDefault(e.StreamId);
            states[e.StreamId] = projection.Evolve(before, e.StreamId, e);
        }

        return states.Values.OfType<TDoc>().ToList();
    }
}
