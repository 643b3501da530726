using NightPos.Domains.Contracts;
using NightPos.Notifications.Threads;

namespace NightPos.Notifications.Inbound;

/// <summary>Where a received message that is no delivery report goes (SPEC R14).</summary>
public sealed record InboundRoute(Guid? ThreadId, string? Subtype, string? UnroutedBecause)
{
    /// <summary>
    /// Decides from what the edges found: the owners of the message's recipients among the
    /// installation's addresses, and the first thread Message-ID it answers.
    /// </summary>
    /// <param name="fromCatchallMailbox">Fetched from the catchall mailbox itself, which is
    /// addressed to the catchall whatever its headers say.</param>
    public static InboundRoute Decide(
        InboundMail mail,
        IReadOnlyList<AddressOwner> recipientOwners,
        bool fromCatchallMailbox,
        ThreadMessageId? answered)
    {
        if (mail.FromEmail is null)
        {
            return Unrouted("it has no sender address to record the post under");
        }

        if (mail.IsAutomatic)
        {
            return Unrouted("it was sent automatically (Auto-Submitted, RFC 3834), "
                + "and answering a robot to every follower could loop");
        }

        if (!fromCatchallMailbox && !recipientOwners.Any(o => o.Role == AddressRole.Catchall))
        {
            return Unrouted(recipientOwners.Any(o => o.Role == AddressRole.Bounce)
                ? "it was sent to a bounce address but is no delivery status notification"
                : "it is addressed to no catchall address of the installation");
        }

        if (answered is null)
        {
            return Unrouted(mail.InReplyTo is null && mail.References.Count == 0
                ? "it is no reply: it has neither In-Reply-To nor References"
                : "it answers no message of any thread");
        }

        // A reply to an internal note stays internal: followers who are not users never see
        // what answers a note (SPEC "Terms").
        var subtype = answered.PostSubtype == Subtypes.Note ? Subtypes.Note : Subtypes.Discussions;
        return new InboundRoute(answered.ThreadId, subtype, null);
    }

    /// <summary>The ids a reply may answer, the likeliest first: In-Reply-To, then References
    /// from the newest (RFC 5322 3.6.4 lists them oldest first).</summary>
    public static IReadOnlyList<string> Candidates(InboundMail mail) =>
        new[] { mail.InReplyTo }.Concat(mail.References.Reverse())
            .OfType<string>()
            .Distinct()
            .ToList();

    private static InboundRoute Unrouted(string reason) => new(null, null, reason);
}
