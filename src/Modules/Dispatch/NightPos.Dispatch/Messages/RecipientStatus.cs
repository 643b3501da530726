using System.Text.Json.Serialization;

namespace NightPos.Dispatch.Messages;

/// <summary>
/// Where one recipient's copy stands; queued and deferred copies are still to deliver.
/// </summary>
public enum RecipientState
{
    Queued,
    Deferred,
    Sent,
    Failed,
    Bounced,
}

/// <summary>One recipient of a message and what the servers last said about its copy.</summary>
public sealed class RecipientStatus
{
    public string Address { get; set; } = "";

    public string? Name { get; set; }

    public RecipientKind Kind { get; set; }

    public RecipientState State { get; set; }

    public string? FailureType { get; set; }

    public string? Reply { get; set; }

    [JsonIgnore]
    public bool IsPending => State is RecipientState.Queued or RecipientState.Deferred;
}
