namespace NightPos.Dispatch.Delivery;

/// <summary>What one attempt achieved for one recipient.</summary>
public enum OutcomeKind
{
    Accepted,
    Transient,
    Permanent,
}
