using NightPos.Dispatch.Contracts;

namespace NightPos.Dispatch.Routing;

/// <summary>
/// SPEC R5 to R7 as one pure decision: from a compiled routing table and a request to the
/// server, the header From, the envelope sender, the Reply-To, the rule that decided and why.
/// No clock, no I/O: the same table and request always give the same decision.
/// </summary>
internal static class RoutingPolicy
{
    private static readonly string[] NoWarnings = [];

    /// <exception cref="RouteRefusedException">
    /// An unknown company, an unknown or archived forced server, or a From that is not one mailbox.
    /// </exception>
    public static RouteDecision Decide(RoutingTable table, RouteRequest request)
    {
        var company = CompanyOf(table, request.CompanyId);
        var author = AuthorOf(request.From);

        // R6: a server the message names wins over everything, the dedicated server included.
        if (request.ServerId is { } forced)
        {
            var server = ForcedServer(table, forced);
            return OnForcedServer(company, author, server, RoutingRule.Explicit);
        }

        // R6: mass mail goes through the dedicated server when one is set. An archived one
        // cannot carry mail; the message then follows R5 and the answer says so.
        var warnings = NoWarnings;
        if (request.Kind == MailKind.Mass && table.Dedicated is { } dedicated)
        {
            if (dedicated.Active)
            {
                return OnForcedServer(company, author, dedicated, RoutingRule.Dedicated);
            }

            warnings = [Explain.DedicatedArchived(dedicated)];
        }

        // R5: with no active outgoing server the default server carries the mail, and
        // mail.default.from_filter decides as a filter would. Archived servers do not count.
        if (table.First is null)
        {
            return OnDefaultServer(table.DefaultServer, company, author, warnings);
        }

        // R5 step 1: F as a whole address, else F's domain; each search over the whole list,
        // so a whole-address entry on a later server beats a domain entry on an earlier one.
        // Exact keys only: mail.example.com never holds admin@mmail.example.com, and
        // example.com never holds a@sub.example.com. No author, no search: an empty entry
        // never stands for a missing address.
        if (author is not null)
        {
            if (table.FirstHoldingAddress(author.Keys.Address) is { } byAddress)
            {
                return Decided(company, author, byAddress, RoutingRule.Address, true, warnings);
            }

            if (table.FirstHoldingDomain(author.Keys.Domain) is { } byDomain)
            {
                return Decided(company, author, byDomain, RoutingRule.Domain, true, warnings);
            }
        }

        // R5 steps 2 to 4, precomputed per company: N as a whole address, else N's domain
        // (notification-address, notification-domain), else the first server with an empty
        // filter (no-filter; a filter of blank entries only is empty, one with any entry is
        // not), else the first server (first-server). The From becomes N in all of them.
        var fallback = company.Fallback!;
        if (fallback.Rule == RoutingRule.FirstServer)
        {
            warnings = [.. warnings, Explain.FirstServerMayRefuse(fallback.Server, company)];
        }

        return Decided(company, author, fallback.Server, fallback.Rule, false, warnings);
    }

    // R6: on a forced server (explicit or dedicated) F stays when the server's filter allows it
    // and becomes N otherwise; the answer warns when the filter allows neither.
    private static RouteDecision OnForcedServer(
        CompanyRoute company,
        AuthorFrom? author,
        RouteServer server,
        RoutingRule rule)
    {
        var keepsAuthor = author is not null && server.Allows(author.Keys);
        var headerKeys = keepsAuthor && !company.ForcesHeaderFrom
            ? author!.Keys
            : company.NotificationKeys;
        var warnings = server.Allows(headerKeys)
            ? NoWarnings
            : [Explain.ForcedServerMayRefuse(server, company)];

        return Decided(company, author, server, rule, keepsAuthor, warnings);
    }

    // R5: the default server lets F through when the parameter allows it (an empty parameter
    // allows every F) and uses N otherwise; the envelope follows the parameter the same way.
    private static RouteDecision OnDefaultServer(
        RouteServer defaultServer,
        CompanyRoute company,
        AuthorFrom? author,
        string[] warnings)
    {
        var keepsAuthor = author is not null && defaultServer.Allows(author.Keys);
        return Decided(
            company, author, defaultServer, RoutingRule.DefaultServer, keepsAuthor, warnings);
    }

    private static RouteDecision Decided(
        CompanyRoute company,
        AuthorFrom? author,
        RouteServer server,
        RoutingRule rule,
        bool keepsAuthor,
        string[] warnings)
    {
        // R3: a whole-address default-from alias is the From of every message of the
        // company's domain, whatever the rule; R5: a rewritten From keeps the author's display
        // name, or F's local part when it has none, and a message without author gets bare N.
        string headerFrom;
        string headerAddress;
        if (keepsAuthor && !company.ForcesHeaderFrom)
        {
            headerFrom = WireFrom.Format(author!.Mailbox, author.WireAddress);
            headerAddress = author.WireAddress;
        }
        else
        {
            headerFrom = author is null
                ? company.BareNotificationFrom
                : WireFrom.Format(author.NameWhenRewritten, company.NotificationAddress);
            headerAddress = company.NotificationAddress;
        }

        // R5: the envelope is B when the chosen server's filter allows B (an empty filter
        // allows everything), else the header From's address, so that the provider accepts it.
        var bounceAllowed = server.Allows(company.BounceKeys);
        var envelopeFrom = bounceAllowed ? company.BounceAddress : headerAddress;

        var explanation = Explain.Decision(
            rule, server, company, author, keepsAuthor, bounceAllowed);
        return new RouteDecision(
            server.Id,
            server.Name,
            headerFrom,
            envelopeFrom,
            company.ReplyTo,
            rule,
            explanation,
            warnings);
    }

    private static CompanyRoute CompanyOf(RoutingTable table, Guid? companyId)
    {
        if (companyId is not { } id)
        {
            return table.DefaultCompany ?? throw new RouteRefusedException(
                "companyId", 404, "The installation has no company yet, so there is no default "
                + "company to route for: create one, or name an existing companyId.");
        }

        return table.Company(id) ?? throw new RouteRefusedException(
            "companyId", 404, $"The companyId {id} names no company: use an id from "
            + "GET /api/companies, or leave companyId out for the first company.");
    }

    private static AuthorFrom? AuthorOf(string? from) =>
        AuthorFrom.TryParse(from, out var author, out var error)
            ? author
            : throw new RouteRefusedException("from", 400, $"The from value {error}.");

    private static RouteServer ForcedServer(RoutingTable table, Guid id)
    {
        var server = table.Server(id) ?? throw new RouteRefusedException(
            "serverId", 404, $"The serverId {id} names no outgoing server: use an id from "
            + "GET /api/servers, or leave serverId out to let routing choose.");

        // R6: an archived server cannot be forced, even though it still exists.
        return server.Active ? server : throw new RouteRefusedException(
            "serverId", 400, $"The serverId {id} names '{server.Name}', which is archived and "
            + "cannot carry mail: activate it, or name an active server.");
    }
}
