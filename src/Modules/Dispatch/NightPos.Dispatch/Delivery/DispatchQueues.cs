namespace NightPos.Dispatch.Delivery;

/// <summary>The local queues of the Dispatch module (ADR 0011).</summary>
public static class DispatchQueues
{
    /// <summary>Durable: its messages live in the Wolverine inbox until handled.</summary>
    public const string Delivery = "dispatch-delivery";

    /// <summary>
    /// Where batches of <see cref="DeliverMessage"/> run. A batch is held in memory (Wolverine
    /// stores one only to schedule its retry); its members stay in the inbox of
    /// <see cref="Delivery"/> until it has committed.
    /// </summary>
    public const string DeliveryBatches = "dispatch-delivery-batches";
}
