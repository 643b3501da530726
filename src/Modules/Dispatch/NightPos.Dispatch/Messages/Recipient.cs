namespace NightPos.Dispatch.Messages;

/// <summary>Which header, if any, names a recipient: Bcc recipients appear in none.</summary>
public enum RecipientKind
{
    To,
    Cc,
    Bcc,
}

/// <summary>
/// One validated recipient: the bare address it is delivered to (RCPT TO) and the display name
/// it carries in the To or Cc header.
/// </summary>
public sealed record Recipient(string Address, string? Name, RecipientKind Kind);
