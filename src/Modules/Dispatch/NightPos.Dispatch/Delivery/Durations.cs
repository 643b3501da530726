using System.Globalization;

namespace NightPos.Dispatch.Delivery;

/// <summary>
/// Reads the durations of <see cref="MailDeliveryOptions"/>: <c>50ms</c>, <c>90s</c>,
/// <c>30m</c>, <c>00:30:00</c>.
/// </summary>
internal static class Durations
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var value = text?.Trim() ?? "";
        if (value.Length < 2)
        {
            return false;
        }

        var milliseconds = value.EndsWith("ms", StringComparison.Ordinal);
        var unit = value[^1];
        var multiplier = milliseconds ? TimeSpan.FromMilliseconds(1) : unit switch
        {
            's' => TimeSpan.FromSeconds(1),
            'm' => TimeSpan.FromMinutes(1),
            'h' => TimeSpan.FromHours(1),
            'd' => TimeSpan.FromDays(1),
            _ => TimeSpan.Zero,
        };

        if (multiplier == TimeSpan.Zero)
        {
            // A bare number has no unit a reader could agree on ("30": seconds? days?).
            return value.Contains(':')
                && TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out duration)
                && duration > TimeSpan.Zero;
        }

        if (!double.TryParse(value[..^(milliseconds ? 2 : 1)], NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var count) || count <= 0)
        {
            return false;
        }

        duration = multiplier * count;
        return true;
    }

    /// <summary>
    /// A comma-separated list of durations, or null when any entry is unreadable.
    /// </summary>
    public static IReadOnlyList<TimeSpan>? TryParseList(string? text)
    {
        var entries = (text ?? "").Split(',', StringSplitOptions.TrimEntries
            | StringSplitOptions.RemoveEmptyEntries);
        var durations = new List<TimeSpan>(entries.Length);
        foreach (var entry in entries)
        {
            if (!TryParse(entry, out var duration))
            {
                return null;
            }

            durations.Add(duration);
        }

        return durations.Count == 0 ? null : durations;
    }
}
