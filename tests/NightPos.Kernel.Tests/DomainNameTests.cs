using NightPos.Kernel.Mail;

namespace NightPos.Kernel.Tests;

public sealed class DomainNameTests
{
    public static TheoryData<string, string> Accepted => new()
    {
        { "example.com", "example.com" },
        { "Example.COM", "example.com" },
        { "  example.com  ", "example.com" },
        { "example.com.", "example.com" },
        { "mail.example.com", "mail.example.com" },
        { "company-name.nightpos.com", "company-name.nightpos.com" },
        { "a1.b2", "a1.b2" },
        { "bücher.example", "xn--bcher-kva.example" },
        { "BÜCHER.example", "xn--bcher-kva.example" },
        { "xn--bcher-kva.example", "xn--bcher-kva.example" },
        { "XN--BCHER-KVA.EXAMPLE", "xn--bcher-kva.example" },
        { new string('a', 63) + ".com", new string('a', 63) + ".com" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Normalize_accepts_host_names_in_their_ascii_lower_case_form(
        string input,
        string expected)
    {
        var normalised = DomainName.Normalize(input, out var error);

        Assert.Equal(expected, normalised);
        Assert.Null(error);
    }

    [Theory]
    [InlineData(null, "is empty")]
    [InlineData("", "is empty")]
    [InlineData("   ", "is empty")]
    [InlineData("localhost", "at least two labels")]
    [InlineData("com.", "at least two labels")]
    [InlineData("exa mple.com", "spaces or control characters")]
    [InlineData("example.com\r\n", "spaces or control characters")]
    [InlineData("example.com\n", "spaces or control characters")]
    [InlineData("\texample.com", "spaces or control characters")]
    [InlineData("example.com\u00a0", "spaces or control characters")]
    [InlineData("-example.com", "")]
    [InlineData("example-.com", "")]
    [InlineData("exa_mple.com", "")]
    [InlineData("example..com", "")]
    [InlineData(".example.com", "")]
    [InlineData("example.com/path", "")]
    [InlineData("user@example.com", "")]
    [InlineData("*.example.com", "")]
    [InlineData("127.0.0.1", "all-numeric")]
    [InlineData("example.123", "all-numeric")]
    public void Normalize_refuses_what_is_no_host_name_and_says_why(string? input, string reason)
    {
        var normalised = DomainName.Normalize(input, out var error);

        Assert.Null(normalised);
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void Normalize_refuses_a_label_longer_than_63_characters()
    {
        var normalised = DomainName.Normalize(new string('a', 64) + ".com", out var error);

        Assert.Null(normalised);
        Assert.Contains("is not a valid domain name", error);
    }

    [Fact]
    public void Normalize_refuses_a_name_longer_than_253_characters()
    {
        var label = new string('a', 60);
        var name = string.Join('.', Enumerable.Repeat(label, 5));

        Assert.Null(DomainName.Normalize(name, out var error));
        Assert.Contains("is not a valid domain name", error);
    }

    [Theory]
    // A Cyrillic 'е' and a Greek 'ο' look like the Latin letters: their ASCII forms differ, so
    // a look-alike never normalises to the domain it imitates.
    [InlineData("\u0435xample.com", "example.com")]
    [InlineData("ex\u03bfmple.com", "example.com")]
    [InlineData("mmail.example.com", "mail.example.com")]
    [InlineData("example.co", "example.com")]
    public void Normalize_keeps_look_alikes_apart(string lookAlike, string original)
    {
        var normalised = DomainName.Normalize(lookAlike, out _);

        Assert.NotNull(normalised);
        Assert.NotEqual(DomainName.Normalize(original, out _), normalised);
    }

    [Theory]
    [InlineData("example.com")]
    [InlineData("Mail.Example.COM")]
    [InlineData("company-name.nightpos.com")]
    [InlineData("a1.b2")]
    [InlineData("123.example")]
    public void IsPlainHostName_says_yes_only_to_what_Normalize_keeps_but_for_case(string domain)
    {
        Assert.True(DomainName.IsPlainHostName(domain));
        Assert.Equal(domain.ToLowerInvariant(), DomainName.Normalize(domain, out _));
    }

    [Theory]
    // Refused by Normalize as well.
    [InlineData("")]
    [InlineData("localhost")]
    [InlineData("example.com/path")]
    [InlineData("[127.0.0.1]")]
    [InlineData("127.0.0.1")]
    [InlineData("example..com")]
    [InlineData("-example.com")]
    [InlineData("exa_mple.com")]
    [InlineData("exa mple.com")]
    // Maybe valid, but only the IDNA mapping can say: punycode, Unicode, a trailing dot.
    [InlineData("xn--a.com")]
    [InlineData("xn--bcher-kva.example")]
    [InlineData("ab--cd.example")]
    [InlineData("bücher.example")]
    [InlineData("example.com.")]
    public void IsPlainHostName_leaves_everything_else_to_Normalize(string domain)
    {
        Assert.False(DomainName.IsPlainHostName(domain));
    }

    [Fact]
    public void IsPlainHostName_holds_to_the_label_and_name_lengths()
    {
        Assert.True(DomainName.IsPlainHostName(new string('a', 63) + ".com"));
        Assert.False(DomainName.IsPlainHostName(new string('a', 64) + ".com"));
        Assert.False(DomainName.IsPlainHostName(
            string.Join('.', Enumerable.Repeat(new string('b', 60), 5))));
    }

    [Theory]
    [InlineData("xn--bcher-kva.example", "bücher.example")]
    [InlineData("example.com", "example.com")]
    [InlineData("xn--zz.example", "xn--zz.example")]
    public void ToUnicode_shows_the_unicode_form_and_leaves_what_it_cannot_decode(
        string ascii,
        string expected)
    {
        Assert.Equal(expected, DomainName.ToUnicode(ascii));
    }
}
