namespace NightPos.Dispatch.Contracts;

/// <summary>
/// Asks the mail engine to send one message (SPEC R11). ERP modules invoke it in-process with
/// <c>IMessageBus.InvokeAsync&lt;MessageAccepted&gt;(command)</c>; clients outside the process
/// post the same fields to <c>POST /api/messages</c>.
/// </summary>
/// <remarks>
/// The command is checked before anything is recorded: every address must be one mailbox,
/// header values may hold no CR, LF or NUL, the subject and the body must fit the configured
/// limits, the company and a forced server must exist (and the server be active). A refused
/// command throws <see cref="MessageRefusedException"/> and leaves no trace. An accepted one
/// is recorded, routed (SPEC R5-R7) and delivered in the background with retries; its progress
/// is read with <c>GET /api/messages/{id}</c>. Sending the same <see cref="IdempotencyKey"/>
/// again answers the first message and sends nothing new.
/// </remarks>
public sealed record SendMessage
{
    /// <summary>The sending company; null for the first company of the installation.</summary>
    public Guid? CompanyId { get; init; }

    /// <summary>
    /// The author as the sender writes it, display name included
    /// (<c>"Mary" &lt;mary@x.com&gt;</c>), or null for none. Routing may rewrite it (SPEC R5);
    /// the message lookup shows the header From that went out.
    /// </summary>
    public string? From { get; init; }

    public IReadOnlyList<string>? To { get; init; }

    public IReadOnlyList<string>? Cc { get; init; }

    /// <summary>Recipients that receive the message without appearing in its headers.</summary>
    public IReadOnlyList<string>? Bcc { get; init; }

    /// <summary>The Reply-To address; null for the company's catchall address (SPEC R1).</summary>
    public string? ReplyTo { get; init; }

    public string? Subject { get; init; }

    /// <summary>
    /// The plain-text body; sent with CRLF line ends whatever line ends it holds.
    /// </summary>
    public string? Text { get; init; }

    /// <summary>
    /// The HTML body; with <see cref="Text"/> the message carries both alternatives.
    /// </summary>
    public string? Html { get; init; }

    public MailKind Kind { get; init; } = MailKind.Transactional;

    /// <summary>
    /// Forces the outgoing server (SPEC R6, rule <c>explicit</c>); it must be active.
    /// </summary>
    public Guid? ServerId { get; init; }

    /// <summary>
    /// The Message-ID this message answers (RFC 5322 3.6.4), with or without angle brackets;
    /// sent as <c>In-Reply-To</c>. Null for none. Notifications set it so that a reply to a
    /// notification comes back to its thread (SPEC R13).
    /// </summary>
    public string? InReplyTo { get; init; }

    /// <summary>
    /// The Message-IDs of the conversation this message belongs to, oldest first, with or
    /// without angle brackets; sent as <c>References</c>. Null or empty for none.
    /// </summary>
    public IReadOnlyList<string>? References { get; init; }

    /// <summary>
    /// Chosen by the caller to make a retried request safe: a key seen before answers the first
    /// message accepted with it, whatever the rest of the command says.
    /// </summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>
    /// Names no address and no content, so that a log line quoting the command leaks neither
    /// (SPEC R17: no bodies in logs).
    /// </summary>
    public override string ToString() =>
        $"SendMessage(company {CompanyId?.ToString() ?? "default"}, {Kind}, "
        + $"{(To?.Count ?? 0) + (Cc?.Count ?? 0) + (Bcc?.Count ?? 0)} recipients)";
}
