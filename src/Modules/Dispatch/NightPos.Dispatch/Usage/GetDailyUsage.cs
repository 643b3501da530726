using Microsoft.AspNetCore.Authorization;
using NightPos.Kernel;
using Wolverine.Http;

namespace NightPos.Dispatch.Usage;

/// <summary><c>GET /api/usage/daily</c>: readable by every role, at any time.</summary>
public static class GetDailyUsageEndpoint
{
    [WolverineGet("/api/usage/daily")]
    [Authorize(Policy = Policies.Read)]
    public static async Task<DailyUsage> Get(
        DailyQuota quota,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        var today = UtcDays.DayOf(clock.GetUtcNow());
        return new DailyUsage(today, await quota.UsedAsync(today, cancellation), quota.Limit);
    }
}
