namespace NightPos.Dispatch.Messages;

/// <summary>One recipient's copy in <see cref="MessageStatus"/>.</summary>
public sealed record RecipientStatusView(
    string Address,
    RecipientKind Kind,
    RecipientState State,
    string? FailureType,
    string? Reply);
