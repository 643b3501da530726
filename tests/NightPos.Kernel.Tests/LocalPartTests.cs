using NightPos.Kernel.Mail;

namespace NightPos.Kernel.Tests;

public sealed class LocalPartTests
{
    [Theory]
    [InlineData("bounce", "bounce")]
    [InlineData("Bounce", "bounce")]
    [InlineData("NOTIFICATIONS", "notifications")]
    [InlineData(" catchall ", "catchall")]
    [InlineData("first.last", "first.last")]
    [InlineData("info+tag", "info+tag")]
    [InlineData("o'brien", "o'brien")]
    [InlineData("no-reply_2", "no-reply_2")]
    [InlineData("!#$%&'*+-/=?^_`{|}~", "!#$%&'*+-/=?^_`{|}~")]
    public void Normalize_accepts_dot_atoms_and_lower_cases_them(string input, string expected)
    {
        Assert.Equal(expected, LocalPart.Normalize(input, out var error));
        Assert.Null(error);
    }

    [Fact]
    public void Normalize_accepts_64_characters_and_refuses_65()
    {
        Assert.NotNull(LocalPart.Normalize(new string('a', 64), out _));

        Assert.Null(LocalPart.Normalize(new string('a', 65), out var error));
        Assert.Contains("longer than 64", error);
    }

    [Theory]
    [InlineData(null, "is empty")]
    [InlineData("", "is empty")]
    [InlineData("  ", "is empty")]
    [InlineData("bounce@example.com", "without '@'")]
    [InlineData("bounce@", "without '@'")]
    [InlineData("@", "without '@'")]
    [InlineData(".bounce", "dot")]
    [InlineData("bounce.", "dot")]
    [InlineData("bou..nce", "dot")]
    [InlineData("bou nce", "spaces or control characters")]
    [InlineData("bounce\r\n", "spaces or control characters")]
    [InlineData("bounce\n", "spaces or control characters")]
    [InlineData("\rbounce", "spaces or control characters")]
    [InlineData("bou\tnce", "spaces or control characters")]
    [InlineData("\"bounce\"", "'\"'")]
    [InlineData("bounce,catchall", "','")]
    [InlineData("bounce(comment)", "'('")]
    [InlineData("bounce<x>", "'<'")]
    [InlineData("bounce:", "':'")]
    [InlineData("bounce;", "';'")]
    [InlineData("bou\\nce", "'\\'")]
    [InlineData("bücher", "'ü'")]
    public void Normalize_refuses_what_no_alias_can_be_and_says_why(string? input, string reason)
    {
        Assert.Null(LocalPart.Normalize(input, out var error));
        Assert.Contains(reason, error);
    }
}
