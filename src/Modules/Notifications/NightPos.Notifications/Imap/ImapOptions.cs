using System.Diagnostics.CodeAnalysis;

namespace NightPos.Notifications.Imap;

/// <summary>
/// The catchall mailbox the poller fetches replies from (<c>NightPos:Inbound:Imap</c>), for
/// installations whose mail server cannot hand messages to <c>POST /api/inbound</c>. Polling
/// is off while <see cref="Host"/> is empty. The password is read from configuration only and
/// never recorded or logged.
/// </summary>
public sealed class ImapOptions
{
    public const string Section = "NightPos:Inbound:Imap";

    public string? Host { get; set; }

    public int Port { get; set; } = 993;

    public MailboxEncryption Encryption { get; set; } = MailboxEncryption.Ssl;

    public string? Username { get; set; }

    public string? Password { get; set; }

    public string Folder { get; set; } = "INBOX";

    /// <summary>From the end of one poll to the start of the next; at least a second.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>At most this many messages per poll; the rest wait for the next.</summary>
    public int BatchSize { get; set; } = 100;

    [MemberNotNullWhen(true, nameof(Host))]
    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    /// <summary>Never prints the password, whoever formats these options.</summary>
    public override string ToString() => $"{Host}:{Port} ({Encryption}) {Folder}";
}
