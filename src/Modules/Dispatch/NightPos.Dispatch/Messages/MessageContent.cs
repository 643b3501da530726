namespace NightPos.Dispatch.Messages;

/// <summary>
/// What a message says, kept apart from its events (ADR 0011) so that events and logs never
/// carry a body (SPEC R17); written with the message's first events and deleted once every
/// recipient's copy is settled.
/// </summary>
public sealed class MessageContent
{
    public Guid Id { get; set; }

    public string? Subject { get; set; }

    public string? Text { get; set; }

    public string? Html { get; set; }
}
