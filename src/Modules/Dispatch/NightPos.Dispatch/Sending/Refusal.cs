namespace NightPos.Dispatch.Sending;

/// <summary>
/// Why a send command is refused: the field to fix, the HTTP status, a sentence to act on.
/// </summary>
public sealed record Refusal(string Field, int Status, string Detail);
