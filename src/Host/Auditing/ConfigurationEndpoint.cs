using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NightPos.Domains.Contracts;
using NightPos.Kernel;
using NightPos.Servers.Contracts;
using Wolverine;
using Wolverine.Http;

namespace NightPos.Host.Auditing;

/// <summary>
/// The whole configuration at one instant (API.md, "History"): alias domains, companies,
/// parameters, servers and the mass-mailing setting, without secrets.
/// </summary>
public sealed record ConfigurationAsOf(
    DateTimeOffset At,
    DomainsConfiguration Domains,
    ServersConfiguration Servers);

/// <summary>
/// Answers the configuration as it stood at an instant (SPEC R16) by asking each module that
/// owns a part of it for that part as of then; like the history, it spans modules, so it lives
/// in the host, which composes their contracts.
/// </summary>
public static class ConfigurationEndpoint
{
    public static ProblemDetails Validate(DateTimeOffset? at, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        if (at > now)
        {
            var detail = $"The instant at={at:O} is in the future (it is now {now:O}): ask for a "
                + "past instant, or leave at out for the configuration as it stands.";
            return new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The configuration cannot be read for that instant",
                Detail = detail,
                Extensions =
                {
                    ["field"] = "at",
                    ["errors"] = new Dictionary<string, string[]> { ["at"] = [detail] },
                },
            };
        }

        return WolverineContinue.NoProblems;
    }

    [WolverineGet("/api/configuration")]
    [Authorize(Policy = Policies.Audit)]
    public static async Task<ConfigurationAsOf> Get(
        DateTimeOffset? at,
        IMessageBus bus,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        var instant = at ?? clock.GetUtcNow();
        var domains = await bus.InvokeAsync<DomainsConfiguration>(
            new GetDomainsConfiguration(at), cancellation);
        var servers = await bus.InvokeAsync<ServersConfiguration>(
            new GetServersConfiguration(at), cancellation);
        return new ConfigurationAsOf(instant, domains, servers);
    }
}
