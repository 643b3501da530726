namespace NightPos.Dispatch.Delivery;

/// <summary>
/// One recipient after an attempt: <see cref="Word"/> is null when accepted, else the
/// deferral reason or failure type; <see cref="Reply"/> is what the server said.
/// </summary>
public sealed record RecipientOutcome(string Address, OutcomeKind Kind, string? Word, string Reply);
