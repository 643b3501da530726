namespace NightPos.Dispatch.Usage;

/// <summary>
/// SPEC R10 counts per UTC day, whatever the time zone of the machine or the sender.
/// </summary>
public static class UtcDays
{
    public static DateOnly DayOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(instant.UtcDateTime);

    /// <summary>
    /// The opening of the UTC day after the one <paramref name="instant"/> falls in.
    /// </summary>
    public static DateTimeOffset NextOpening(DateTimeOffset instant) =>
        new(DayOf(instant).AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
