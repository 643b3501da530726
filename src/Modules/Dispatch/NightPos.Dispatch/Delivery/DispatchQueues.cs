namespace NightPos.Dispatch.Delivery;

/// <summary>The Dispatch module's local queues (ADR 0011).</summary>
public static class DispatchQueues
{
    /// <summary>Durable: its messages live in the Wolverine inbox until handled.</summary>
    public const string Delivery = "dispatch-delivery";
}
