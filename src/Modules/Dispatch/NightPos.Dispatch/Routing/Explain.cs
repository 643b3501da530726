namespace NightPos.Dispatch.Routing;

/// <summary>
/// The sentences a routing answer gives a person: which step of SPEC R5 to R7 chose the server,
/// what became of the From, and why the envelope sender is what it is. The first part depends
/// on the server and the rule, the rest on the company and two facts of the decision, so both
/// are made once per routing table and an answer only joins two strings.
/// </summary>
internal static class Explain
{
    public static string Decision(
        RoutingRule rule,
        RouteServer server,
        CompanyRoute company,
        AuthorFrom? author,
        bool authorAllowed,
        bool bounceAllowed)
    {
        // Half of all mail (outsiders, messages without author) ends on the company's fallback,
        // whose whole explanation is the same every time.
        if (company.Fallback is { } fallback && fallback.Rule == rule && fallback.Server == server)
        {
            return company.FallbackExplanation(author is null);
        }

        var forced = rule
            is RoutingRule.Explicit or RoutingRule.Dedicated or RoutingRule.DefaultServer;
        var outcome = (author, forced, authorAllowed) switch
        {
            (null, _, _) => FromOutcome.NoAuthor,
            (_, false, true) => FromOutcome.Stays,
            (_, false, false) => FromOutcome.BecomesNotification,
            (_, true, true) => FromOutcome.FilterAllows,
            _ => FromOutcome.FilterRefuses,
        };

        return string.Concat(server.Sentence(rule), company.Outcome(outcome, bounceAllowed));
    }

    /// <summary>What the rule says about the server that it chose.</summary>
    public static string ServerSentence(RoutingRule rule, string server) => rule switch
    {
        RoutingRule.Address =>
            $"'{server}' is the first active server whose FROM filter holds the author's whole "
            + "address (R5 step 1).",
        RoutingRule.Domain =>
            "No FROM filter holds the author's whole address; "
            + $"'{server}' is the first whose filter holds its domain (R5 step 1).",
        RoutingRule.NotificationAddress =>
            "No FROM filter holds the author's address or domain; "
            + $"'{server}' is the first whose filter holds the notification address (R5 step 2).",
        RoutingRule.NotificationDomain =>
            "No FROM filter holds the author's address, its domain or the notification address; "
            + $"'{server}' is the first whose filter holds the notification domain (R5 step 2).",
        RoutingRule.NoFilter =>
            "No FROM filter holds the author's address or the notification address; "
            + $"'{server}' is the first active server without a FROM filter (R5 step 3).",
        RoutingRule.FirstServer =>
            "No FROM filter holds the author's address or the notification address and every "
            + $"active server has a filter, so the first, '{server}', is used (R5 step 4).",
        RoutingRule.DefaultServer =>
            "No outgoing server is active: the default server carries the mail, with "
            + "mail.default.from_filter as its filter (R5).",
        RoutingRule.Dedicated =>
            $"Mass mail goes through the dedicated mass-mailing server '{server}' (R6).",
        RoutingRule.Explicit =>
            $"The message names the server '{server}', which wins over every other rule (R6).",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
    };

    /// <summary>What became of the From, and of the envelope, for one company.</summary>
    public static string OutcomeSentence(
        CompanyRoute company,
        FromOutcome outcome,
        bool bounceAllowed)
    {
        // With a whole-address default-from alias the From is that address whatever the rule
        // (R3), which the sentence after this one says: the author's From never stays.
        var replaced = company.ForcesHeaderFrom;
        var from = outcome switch
        {
            FromOutcome.NoAuthor =>
                $" The message has no author address: the From is {company.NotificationAddress}.",
            FromOutcome.Stays => replaced ? "" : " The From stays.",
            FromOutcome.BecomesNotification =>
                $" The From becomes the notification address {company.NotificationAddress}.",
            FromOutcome.FilterAllows => replaced
                ? " That filter allows the author's address."
                : " That filter allows the author's address: the From stays.",
            _ => " That filter does not allow the author's address: the From becomes the "
                + $"notification address {company.NotificationAddress}.",
        };
        var wholeAddress = company.ForcesHeaderFrom
            ? $" The default-from alias of {company.AliasDomain} is the whole address "
                + $"{company.NotificationAddress}, the From of all its companies' mail (R3)."
            : "";
        var envelope = bounceAllowed
            ? $" The server allows the bounce address {company.BounceAddress}: it is the envelope "
                + "sender."
            : $" The server does not allow the bounce address {company.BounceAddress}: the "
                + "envelope sender is the From's address.";
        return string.Concat(from, wholeAddress, envelope);
    }

    public static string FirstServerMayRefuse(RouteServer server, CompanyRoute company) =>
        $"'{server.Name}' may refuse the sender: its FROM filter holds neither the author's "
        + $"address nor the notification address {company.NotificationAddress} (SPEC R5 step 4).";

    public static string ForcedServerMayRefuse(RouteServer server, CompanyRoute company) =>
        company.ForcesHeaderFrom
            ? $"The FROM filter of '{server.Name}' does not allow {company.NotificationAddress}, "
                + "the From of every message of this company: the server may refuse the sender."
            : $"The FROM filter of '{server.Name}' allows neither the author's address nor the "
                + $"notification address {company.NotificationAddress}: the server may refuse "
                + "the sender.";

    public static string DedicatedArchived(RouteServer server) =>
        $"The dedicated mass-mailing server '{server.Name}' is archived, so this mass message "
        + "follows the transactional cascade of R5; activate it or choose another.";
}

/// <summary>What a decision did with the author's From, as its explanation tells it.</summary>
internal enum FromOutcome
{
    NoAuthor,
    Stays,
    BecomesNotification,
    FilterAllows,
    FilterRefuses,
}
