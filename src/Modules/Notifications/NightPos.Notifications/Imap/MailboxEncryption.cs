namespace NightPos.Notifications.Imap;

/// <summary>How the IMAP connection is secured. JSON and configuration: <c>none</c>,
/// <c>starttls</c>, <c>ssl</c>.</summary>
public enum MailboxEncryption
{
    None,
    Starttls,
    Ssl,
}
