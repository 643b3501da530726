using JasperFx.Events;
using Marten.Events.Aggregation;

namespace NightPos.Domains.Parameters;

/// <summary>
/// Folds a parameter stream into its <see cref="Parameter"/> document, inline; the as-of replay
/// calls <see cref="Evolve"/> directly (ADR 0006).
/// </summary>
public sealed class ParameterProjection : SingleStreamProjection<Parameter, Guid>
{
    public static readonly IReadOnlyList<Type> EventTypes = [typeof(ParameterSet)];

    public ParameterProjection() => IncludeType<ParameterSet>();

    public override Parameter? Evolve(Parameter? snapshot, Guid id, IEvent e) =>
        e.Data is ParameterSet set ? new Parameter(id, set.Key, set.Value, e.Timestamp) : snapshot;
}
