using System.Collections.Frozen;
using NightPos.Domains.Contracts;
using NightPos.Kernel.Mail;
using NightPos.Servers.Contracts;

namespace NightPos.Dispatch.Routing;

/// <summary>
/// The configuration compiled for routing (ADR 0010): every question SPEC R5 asks of the server
/// list is answered by one hash lookup or one field, whatever the number of servers. Built once
/// from the Domains and Servers answers of one revision and never changed afterwards, so that
/// any number of decisions may read it at once.
/// </summary>
internal sealed class RoutingTable
{
    private readonly FrozenDictionary<Guid, CompanyRoute> _companies;
    private readonly FrozenDictionary<Guid, RouteServer> _servers;
    private readonly FrozenDictionary<string, RouteServer> _firstByAddress;
    private readonly FrozenDictionary<string, RouteServer> _firstByDomain;

    private RoutingTable(
        DomainsConfiguration domains,
        ServersConfiguration servers,
        IReadOnlyList<RouteServer> ordered,
        IReadOnlyList<RouteServer> all)
    {
        DomainsRevision = domains.Revision;
        ServersRevision = servers.Revision;
        _servers = all.ToFrozenDictionary(s => s.Id!.Value);

        // Each search of R5 runs over the whole ordered list and takes the first server that
        // qualifies: indexing every entry by the first server holding it gives the same answer.
        var byAddress = new Dictionary<string, RouteServer>(StringComparer.OrdinalIgnoreCase);
        var byDomain = new Dictionary<string, RouteServer>(StringComparer.OrdinalIgnoreCase);
        foreach (var server in ordered)
        {
            foreach (var address in server.Addresses)
            {
                byAddress.TryAdd(address, server);
            }

            foreach (var domain in server.Domains)
            {
                byDomain.TryAdd(domain, server);
            }
        }

        _firstByAddress = byAddress.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _firstByDomain = byDomain.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        First = ordered.Count > 0 ? ordered[0] : null;
        FirstWithoutFilter = ordered.FirstOrDefault(s => s.HasEmptyFilter);
        Dedicated = servers.DedicatedMassMailingServerId is { } id
            ? _servers.GetValueOrDefault(id)
            : null;
        DefaultServer = RouteServer.Default(DefaultFilterOf(domains));

        var aliasDomains = domains.AliasDomains.ToDictionary(d => d.Id);
        _companies = domains.Companies
            .Select(c => Compile(c, AliasDomainOf(c, aliasDomains)))
            .ToFrozenDictionary(c => c.Id);
        DefaultCompany = domains.Companies.Count > 0 ? _companies[domains.Companies[0].Id] : null;
    }

    public Guid DomainsRevision { get; }

    public Guid ServersRevision { get; }

    /// <summary>The first company (API.md: the company of a request that names none).</summary>
    public CompanyRoute? DefaultCompany { get; }

    /// <summary>The first active server in R5's order; null when no outgoing server is active.</summary>
    public RouteServer? First { get; }

    public RouteServer? FirstWithoutFilter { get; }

    /// <summary>The mass-mailing dedicated server (SPEC R6), archived or not; null when unset.</summary>
    public RouteServer? Dedicated { get; }

    /// <summary>The default server, filtered by <c>mail.default.from_filter</c> (SPEC R5).</summary>
    public RouteServer DefaultServer { get; }

    public int ServerCount => _servers.Count;

    public static RoutingTable Compile(DomainsConfiguration domains, ServersConfiguration servers)
    {
        var all = servers.Servers.Select(RouteServer.Outgoing).ToList();

        // SPEC R5's order: priority (lower first), then name compared ordinally ignoring case,
        // so "alpha relay" precedes "Beta relay", then creation for names equal but for case.
        var ordered = servers.Servers
            .Zip(all)
            .Where(pair => pair.First.Active)
            .OrderBy(pair => pair.First.Priority)
            .ThenBy(pair => pair.First.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(pair => pair.First.CreationOrder)
            .Select(pair => pair.Second)
            .ToList();

        return new RoutingTable(domains, servers, ordered, all);
    }

    public CompanyRoute? Company(Guid id) => _companies.GetValueOrDefault(id);

    /// <summary>Any server not deleted, archived ones included (they can be named, not used).</summary>
    public RouteServer? Server(Guid id) => _servers.GetValueOrDefault(id);

    /// <summary>The first active server whose filter holds this whole address.</summary>
    public RouteServer? FirstHoldingAddress(string? asciiAddress) =>
        asciiAddress is null ? null : _firstByAddress.GetValueOrDefault(asciiAddress);

    /// <summary>The first active server whose filter holds this very domain.</summary>
    public RouteServer? FirstHoldingDomain(string? asciiDomain) =>
        asciiDomain is null ? null : _firstByDomain.GetValueOrDefault(asciiDomain);

    private CompanyRoute Compile(CompanyInfo company, AliasDomainInfo domain)
    {
        var notification = MatchKeys.OfStored(domain.NotificationAddress);
        return new CompanyRoute(company, domain, FallbackFor(notification));
    }

    // SPEC R5 steps 2 to 4: the notification address N is fixed per company, so where N goes is
    // decided here once rather than on every message.
    private NotificationRoute? FallbackFor(MatchKeys notification)
    {
        if (FirstHoldingAddress(notification.Address) is { } byAddress)
        {
            return new(byAddress, RoutingRule.NotificationAddress);
        }

        if (FirstHoldingDomain(notification.Domain) is { } byDomain)
        {
            return new(byDomain, RoutingRule.NotificationDomain);
        }

        if (FirstWithoutFilter is { } open)
        {
            return new(open, RoutingRule.NoFilter);
        }

        return First is { } first ? new(first, RoutingRule.FirstServer) : null;
    }

    private static AliasDomainInfo AliasDomainOf(
        CompanyInfo company,
        Dictionary<Guid, AliasDomainInfo> aliasDomains) =>
        aliasDomains.GetValueOrDefault(company.AliasDomainId)
        ?? throw new InvalidOperationException(
            $"Company {company.Id} uses alias domain {company.AliasDomainId}, which the Domains "
            + "configuration does not list.");

    // SPEC R1: the parameter starts as the database subdomain; an installation whose answer
    // lacks it is read as if it still held that starting value.
    private static FromFilter DefaultFilterOf(DomainsConfiguration domains) =>
        FromFilter.FromStored(
            domains.Parameters.GetValueOrDefault(ParameterKeys.DefaultFromFilter)
            ?? domains.DatabaseDomain);
}
