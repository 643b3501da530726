using Microsoft.Extensions.Logging;
using Wolverine;

namespace NightPos.Dispatch.Routing;

/// <summary>
/// The edge around <see cref="RoutingPolicy"/>: finds the routing table to decide on (the
/// process's current one, or one rebuilt for a past instant, SPEC R16), decides, and logs.
/// Public with public dependencies only, so that Wolverine's generated code can build it.
/// </summary>
public sealed class Router : IRouter
{
    private readonly IRoutingConfigurationSource _source;
    private readonly RoutingTableCache _cache;
    private readonly TimeProvider _clock;
    private readonly ILogger<Router> _logger;

    public Router(
        IMessageBus bus,
        RoutingTableCache cache,
        TimeProvider clock,
        ILogger<Router> logger)
        : this(new BusConfigurationSource(bus), cache, clock, logger)
    {
    }

    internal Router(
        IRoutingConfigurationSource source,
        RoutingTableCache cache,
        TimeProvider clock,
        ILogger<Router> logger)
    {
        _source = source;
        _cache = cache;
        _clock = clock;
        _logger = logger;
    }

    public async ValueTask<RouteDecision> RouteAsync(
        RouteRequest request,
        DateTimeOffset? at,
        CancellationToken cancellation)
    {
        var table = at is { } instant
            ? await AsOfAsync(instant, cancellation)
            : await _cache.CurrentAsync(_source, cancellation);

        var decision = RoutingPolicy.Decide(table, request);

        LogDecision(request, decision, at);
        return decision;
    }

    // SPEC R16: the configuration as it stood then, rebuilt from the events up to that instant
    // and compiled for this one question; nothing of it is kept (ADR 0010).
    private async ValueTask<RoutingTable> AsOfAsync(
        DateTimeOffset at,
        CancellationToken cancellation)
    {
        var now = _clock.GetUtcNow();
        if (at > now)
        {
            throw new RouteRefusedException(
                "at", 400, $"The instant {at:O} is in the future (it is now {now:O}): routing can "
                + "answer for the present (leave at out) or for a past instant only.");
        }

        var (domains, servers) = await _source.GetAsync(at, cancellation);
        if (domains.Companies.Count == 0)
        {
            throw new RouteRefusedException(
                "at", 400, $"The installation had no company yet at {at:O}: its configuration "
                + "was recorded later. Ask about a later instant (see GET /api/history).");
        }

        return RoutingTable.Compile(domains, servers);
    }

    private void LogDecision(RouteRequest request, RouteDecision decision, DateTimeOffset? at)
    {
        // SPEC R5 step 4: the first server may refuse the sender, which an operator should see.
        if (decision.Rule == RoutingRule.FirstServer)
        {
            RoutingLog.FirstServerUsed(_logger, decision.ServerId, request.CompanyId);
        }

        RoutingLog.Routed(
            _logger, decision.Rule, decision.ServerId, request.CompanyId, request.Kind, at);
    }
}
