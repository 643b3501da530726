using NightPos.Dispatch.Routing;
using NightPos.Domains.Contracts;
using NightPos.Kernel.Mail;
using NightPos.Servers.Contracts;

namespace NightPos.Routing.Benchmarks;

/// <summary>
/// The straightforward way to answer SPEC R5, for comparison: walk the ordered server list once
/// per search, asking each server's parsed FROM filter. Parsing the From and writing the header
/// are the same as the compiled table's, so the difference is the search alone.
/// </summary>
internal sealed class LinearScanRouting
{
    private readonly List<(OutgoingServerInfo Info, FromFilter Filter)> _ordered;
    private readonly Dictionary<Guid, AliasDomainInfo> _domainOfCompany;

    public LinearScanRouting(DomainsConfiguration domains, ServersConfiguration servers)
    {
        _ordered = servers.Servers
            .Where(s => s.Active)
            .OrderBy(s => s.Priority)
            .ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(s => s.CreationOrder)
            .Select(s => (s, FromFilter.FromStored(s.FromFilter)))
            .ToList();
        var aliasDomains = domains.AliasDomains.ToDictionary(d => d.Id);
        _domainOfCompany = domains.Companies
            .ToDictionary(c => c.Id, c => aliasDomains[c.AliasDomainId]);
    }

    public RouteDecision Decide(RouteRequest request)
    {
        var domain = _domainOfCompany[request.CompanyId!.Value];
        AuthorFrom.TryParse(request.From, out var author, out _);
        var address = author?.Keys.Address?.ToLowerInvariant();
        var authorDomain = author?.Keys.Domain?.ToLowerInvariant();
        var notification = domain.NotificationAddress;
        var notificationDomain = EmailAddress.DomainOf(notification);

        var (server, rule) =
            Find(f => address is not null && f.HoldsAddress(address), RoutingRule.Address)
            ?? Find(f => authorDomain is not null && f.HoldsDomain(authorDomain), RoutingRule.Domain)
            ?? Find(f => f.HoldsAddress(notification), RoutingRule.NotificationAddress)
            ?? Find(f => f.HoldsDomain(notificationDomain), RoutingRule.NotificationDomain)
            ?? Find(f => f.IsEmpty, RoutingRule.NoFilter)
            ?? (_ordered[0].Info, RoutingRule.FirstServer);
        var keepsAuthor = rule is RoutingRule.Address or RoutingRule.Domain;

        var filter = FromFilter.FromStored(server.FromFilter);
        var authorStays = keepsAuthor && !domain.DefaultFromIsWholeAddress;
        var headerFrom = authorStays
            ? WireFrom.Format(author!.Mailbox, author.WireAddress)
            : WireFrom.Format(author?.NameWhenRewritten, notification);
        var bounceAllowed = filter.IsEmpty
            || filter.HoldsAddress(domain.BounceAddress)
            || filter.HoldsDomain(domain.Domain);
        var envelope = bounceAllowed ? domain.BounceAddress
            : authorStays ? author!.WireAddress
            : notification;
        return new RouteDecision(
            server.Id, server.Name, headerFrom, envelope, domain.CatchallAddress, rule,
            $"Chosen by {rule} after a scan of {_ordered.Count} servers.", []);
    }

    private (OutgoingServerInfo Server, RoutingRule Rule)? Find(
        Func<FromFilter, bool> holds,
        RoutingRule rule)
    {
        foreach (var (info, filter) in _ordered)
        {
            if (holds(filter))
            {
                return (info, rule);
            }
        }

        return null;
    }
}
