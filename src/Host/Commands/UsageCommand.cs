using JasperFx.CommandLine;
using NightPos.Dispatch.Usage;

namespace NightPos.Host.Commands;

public sealed class UsageInput : NetCoreInput;

/// <summary>
/// <c>usage</c>: the default server's usage of the current UTC day and its limit (SPEC R10),
/// read by the query behind <c>GET /api/usage/daily</c>.
/// </summary>
[Description("Print the default server's daily usage and limit (SPEC R10)", Name = "usage")]
public sealed class UsageCommand : HostedCommand<UsageInput>
{
    protected override async Task<bool> RunAsync(
        UsageInput input,
        IServiceProvider services,
        TextWriter output,
        CancellationToken cancellation)
    {
        var usage = await GetDailyUsageEndpoint.Get(
            services.GetRequiredService<DailyQuota>(),
            services.GetRequiredService<TimeProvider>(),
            cancellation);

        await output.WriteLineAsync($"date       {usage.Date:yyyy-MM-dd} (UTC)");
        await output.WriteLineAsync($"used       {usage.Used}");
        await output.WriteLineAsync($"limit      {usage.Limit}");
        await output.WriteLineAsync($"remaining  {Math.Max(0, usage.Limit - usage.Used)}");
        return true;
    }
}
