namespace NightPos.Dispatch.Delivery;

/// <summary>The events one delivery step appends, and when to try again (null: no retry).</summary>
public sealed record DeliveryDecision(IReadOnlyList<object> Events, DateTimeOffset? RetryAt);
