namespace NightPos.Dispatch.Usage;

/// <summary>The default server's usage of the current UTC day (API.md, SPEC R10).</summary>
public sealed record DailyUsage(DateOnly Date, int Used, int Limit);
