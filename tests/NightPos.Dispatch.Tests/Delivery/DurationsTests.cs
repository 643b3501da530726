using NightPos.Dispatch.Delivery;

namespace NightPos.Dispatch.Tests.Delivery;

public sealed class DurationsTests
{
    [Theory]
    [InlineData("50ms", 0.05)]
    [InlineData("1500ms", 1.5)]
    [InlineData("90s", 90)]
    [InlineData("30m", 1800)]
    [InlineData("1.5h", 5400)]
    [InlineData("5d", 432000)]
    [InlineData("00:30:00", 1800)]
    [InlineData(" 2m ", 120)]
    public void Durations_read_units_and_time_spans(string text, double seconds)
    {
        Assert.True(Durations.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("30")]
    [InlineData("m")]
    [InlineData("-5m")]
    [InlineData("0s")]
    [InlineData("5 minutes")]
    [InlineData("30M")]
    [InlineData("ms")]
    [InlineData("0ms")]
    [InlineData("50MS")]
    [InlineData("50 ms")]
    public void Durations_refuse_what_is_not_a_positive_duration(string text)
    {
        Assert.False(Durations.TryParse(text, out _));
    }

    [Fact]
    public void Duration_lists_are_comma_separated_and_refused_whole_when_one_entry_is_wrong()
    {
        Assert.Equal(
            [TimeSpan.FromMinutes(30), TimeSpan.FromHours(1)],
            Durations.TryParseList("30m, 1h,"));
        Assert.Null(Durations.TryParseList("30m,soon"));
        Assert.Null(Durations.TryParseList(""));
    }
}
