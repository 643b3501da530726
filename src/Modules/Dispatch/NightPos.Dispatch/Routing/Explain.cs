namespace NightPos.Dispatch.Routing;

/// <summary>
/// The sentences a routing answer gives a person: which step of SPEC R5 to R7 decided, and why
/// the envelope sender is what it is. Addresses appear as routing compared them.
/// </summary>
internal static class Explain
{
    public static string Decision(
        RoutingRule rule,
        RouteServer server,
        CompanyRoute company,
        AuthorFrom? author,
        bool authorAllowed,
        bool bounceAllowed,
        string envelopeFrom)
    {
        var from = author is null ? "The message has no author address" : $"From {author.WireAddress}";
        var choice = rule switch
        {
            RoutingRule.Address =>
                $"{from}: '{server.Name}' is the first active server whose FROM filter holds that "
                + "whole address (R5 step 1), so the From stays.",
            RoutingRule.Domain =>
                $"{from}: no FROM filter holds that whole address; '{server.Name}' is the first "
                + $"active server whose filter holds its domain {author!.Keys.Domain} (R5 step 1), "
                + "so the From stays.",
            RoutingRule.NotificationAddress =>
                $"{from}: no FROM filter holds it; '{server.Name}' is the first active server whose "
                + $"filter holds the notification address {company.NotificationAddress} (R5 step 2), "
                + "so the From becomes that address.",
            RoutingRule.NotificationDomain =>
                $"{from}: no FROM filter holds it or the notification address; '{server.Name}' is the "
                + "first active server whose filter holds the notification domain (R5 step 2), so "
                + $"the From becomes {company.NotificationAddress}.",
            RoutingRule.NoFilter =>
                $"{from}: no FROM filter holds it or the notification address; '{server.Name}' is "
                + "the first active server without a FROM filter (R5 step 3), so the From becomes "
                + $"{company.NotificationAddress}.",
            RoutingRule.FirstServer =>
                $"{from}: no FROM filter holds it or the notification address and every active "
                + $"server has a filter, so the first one, '{server.Name}', carries it (R5 step 4) "
                + $"and the From becomes {company.NotificationAddress}.",
            RoutingRule.DefaultServer =>
                $"{from}: no outgoing server is active, so the default server carries it and "
                + "mail.default.from_filter decides (R5): "
                + Kept(authorAllowed, author, company, "the parameter"),
            RoutingRule.Dedicated =>
                $"{from}: mass mail goes through the dedicated mass-mailing server "
                + $"'{server.Name}' (R6): " + Kept(authorAllowed, author, company, "its FROM filter"),
            RoutingRule.Explicit =>
                $"{from}: the message names the server '{server.Name}' (R6): "
                + Kept(authorAllowed, author, company, "its FROM filter"),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
        };

        var wholeAddress = company.ForcesHeaderFrom
            ? $" The default-from alias of {company.AliasDomain} is the whole address "
                + $"{company.NotificationAddress}, the From of every message of its companies (R3)."
            : "";
        var envelope = bounceAllowed
            ? $" The envelope sender is the bounce address {envelopeFrom}, which the server allows."
            : $" The server does not allow the bounce address {company.BounceAddress}, so the "
                + $"envelope sender is the From's address {envelopeFrom}.";
        return string.Concat(choice, wholeAddress, envelope);
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

    private static string Kept(
        bool authorAllowed,
        AuthorFrom? author,
        CompanyRoute company,
        string filter) =>
        author is null
            ? $"the From is the notification address {company.NotificationAddress}."
            : authorAllowed
                ? $"{filter} allows the author's address, so the From stays."
                : $"{filter} does not allow the author's address, so the From becomes "
                    + $"{company.NotificationAddress}.";
}
