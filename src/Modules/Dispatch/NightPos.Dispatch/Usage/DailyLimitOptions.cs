namespace NightPos.Dispatch.Usage;

/// <summary>
/// <c>NightPos:DailyLimit</c> (API.md): how many messages the default server carries per UTC
/// day (SPEC R10). Messages over it wait for the next day; none is dropped.
/// </summary>
public sealed class DailyLimitOptions
{
    public const string Section = "NightPos";

    public int DailyLimit { get; set; } = 1000;
}
