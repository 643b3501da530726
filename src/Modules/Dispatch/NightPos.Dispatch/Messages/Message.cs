using System.Text.Json.Serialization;
using NightPos.Dispatch.Contracts;
using NightPos.Dispatch.Routing;
using NightPos.Kernel.Mail;

namespace NightPos.Dispatch.Messages;

/// <summary>
/// One message as its events tell it, kept inline with every append (ADR 0011): the read model
/// of <c>GET /api/messages/{id}</c> and the state delivery decides from.
/// </summary>
public sealed partial class Message
{
    public Guid Id { get; set; }

    public string MessageId { get; set; } = "";

    public Guid? CompanyId { get; set; }

    public string? From { get; set; }

    public string? SenderReplyTo { get; set; }

    public MailKind Kind { get; set; }

    public Guid? ForcedServerId { get; set; }

    public DateTimeOffset QueuedAt { get; set; }

    /// <summary>The In-Reply-To header, bracketed, or null.</summary>
    public string? InReplyTo { get; set; }

    /// <summary>The References header's Message-IDs, bracketed, oldest first.</summary>
    public List<string> References { get; set; } = [];

    public Guid? ServerId { get; set; }

    public string? ServerName { get; set; }

    public string? HeaderFrom { get; set; }

    public string? EnvelopeFrom { get; set; }

    /// <summary>
    /// The Reply-To that goes out: the sender's, else the catchall address (SPEC R1).
    /// </summary>
    public string? ReplyTo { get; set; }

    public RoutingRule? Rule { get; set; }

    public int Attempts { get; set; }

    public MessageState State { get; set; }

    public string? FailureType { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    public List<RecipientStatus> Recipients { get; set; } = [];

    [JsonIgnore]
    public IEnumerable<RecipientStatus> Pending => Recipients.Where(r => r.IsPending);

    [JsonIgnore]
    public bool IsSettled => !Recipients.Any(r => r.IsPending);

    public static Message Create(MessageQueued e) => new()
    {
        MessageId = e.MessageId,
        CompanyId = e.CompanyId,
        From = e.From,
        SenderReplyTo = e.ReplyTo,
        Kind = e.Kind,
        ForcedServerId = e.ForcedServerId,
        QueuedAt = e.QueuedAt,
        InReplyTo = e.InReplyTo,
        References = e.References?.ToList() ?? [],
        State = MessageState.Queued,
        Recipients = e.Recipients
            .Select(r => new RecipientStatus
            {
                Address = r.Address,
                Name = r.Name,
                Kind = r.Kind,
                State = RecipientState.Queued,
            })
            .ToList(),
    };

    public void Apply(MessageRouted e)
    {
        ServerId = e.ServerId;
        ServerName = e.ServerName;
        HeaderFrom = e.HeaderFrom;
        EnvelopeFrom = e.EnvelopeFrom;
        ReplyTo = SenderReplyTo ?? e.ReplyTo;
        Rule = e.Rule;
    }

    public void Apply(MessageDispatched e)
    {
        Attempts = Math.Max(Attempts, e.Attempt);
        Mark(e.Recipients, RecipientState.Sent, null, e.Reply);
        NextAttemptAt = null;
        Settle();
    }

    public void Apply(MessageDeferred e)
    {
        Attempts = Math.Max(Attempts, e.Attempt);
        Mark(e.Recipients, RecipientState.Deferred, null, e.Reply ?? e.Reason);
        NextAttemptAt = e.NextAttemptAt;
        Settle();
    }

    public void Apply(MessageFailed e)
    {
        Attempts = Math.Max(Attempts, e.Attempt);
        Mark(e.Recipients, RecipientState.Failed, e.FailureType, e.Reply);
        FailureType = e.FailureType;
        Settle();
    }

    public void Apply(MessageBounced e)
    {
        Mark([e.Recipient], RecipientState.Bounced, "bounced", e.Diagnostic ?? e.Status);
        Settle();
    }

    private void Mark(
        IReadOnlyList<string> addresses,
        RecipientState state,
        string? failureType,
        string? reply)
    {
        foreach (var recipient in Recipients)
        {
            var address = EmailAddress.ToComparable(recipient.Address);
            if (addresses.Any(a => EmailAddress.ToComparable(a) == address))
            {
                recipient.State = state;
                recipient.FailureType = failureType;
                recipient.Reply = reply;
            }
        }
    }

    private void Settle()
    {
        if (IsSettled)
        {
            NextAttemptAt = null;
        }

        State = Recipients.Any(r => r.State is RecipientState.Bounced) ? MessageState.Bounced
            : Recipients.Any(r => r.State is RecipientState.Deferred) ? MessageState.Deferred
            : Recipients.Any(r => r.State is RecipientState.Queued) ? MessageState.Queued
            : Recipients.Any(r => r.State is RecipientState.Sent) ? MessageState.Sent
            : MessageState.Failed;
    }
}
