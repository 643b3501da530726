using NightPos.Kernel.Mail;

namespace NightPos.Kernel.Tests;

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("info@example.com", "info@example.com")]
    [InlineData("Info@Example.COM", "info@example.com")]
    [InlineData(" info@example.com ", "info@example.com")]
    [InlineData("first.last+tag@mail.example.com", "first.last+tag@mail.example.com")]
    [InlineData("info@bücher.example", "info@xn--bcher-kva.example")]
    [InlineData("info@example.com.", "info@example.com")]
    public void Normalize_accepts_bare_addresses_in_comparable_form(string input, string expected)
    {
        Assert.Equal(expected, EmailAddress.Normalize(input, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData(null, "is not an address")]
    [InlineData("", "is not an address")]
    [InlineData("info", "is not an address")]
    [InlineData("example.com", "is not an address")]
    [InlineData("@example.com", "local part that is empty")]
    [InlineData("info@", "domain that is empty")]
    [InlineData("info@localhost", "domain that needs at least two labels")]
    [InlineData("in fo@example.com", "local part that contains spaces")]
    [InlineData("info@exa mple.com", "domain that contains spaces")]
    [InlineData("info@example.com\r\n", "domain that contains spaces or control characters")]
    [InlineData("info@example.com\r\nBcc: victim@example.org", "local part that must be")]
    [InlineData("a@b@example.com", "local part that must be a local part only")]
    [InlineData("\"Mary\" <mary@example.com>", "local part that contains")]
    [InlineData("Mary <mary@example.com>", "local part that contains")]
    [InlineData("\"mary\"@example.com", "local part that contains '\"'")]
    public void Normalize_refuses_what_is_no_bare_address_and_names_the_bad_half(
        string? input,
        string reason)
    {
        Assert.Null(EmailAddress.Normalize(input, out var error));
        Assert.Contains(reason, error);
    }

    [Theory]
    [InlineData("Mary@Example.COM", "mary@example.com")]
    [InlineData("mary@bücher.example", "mary@xn--bcher-kva.example")]
    [InlineData("\"Mary Smith\"@example.com", "\"mary smith\"@example.com")]
    [InlineData("a@b@example.com", "a@b@example.com")]
    public void ToComparable_accepts_any_local_part_a_received_from_can_carry(
        string address,
        string expected)
    {
        Assert.Equal(expected, EmailAddress.ToComparable(address));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("mary")]
    [InlineData("@example.com")]
    [InlineData("mary@")]
    [InlineData("mary@exa_mple.com")]
    [InlineData("mary@localhost")]
    public void ToComparable_answers_null_without_a_local_part_and_a_valid_domain(string? address)
    {
        Assert.Null(EmailAddress.ToComparable(address));
    }

    [Theory]
    [InlineData("mary@example.com", "mary", "example.com")]
    [InlineData("\"a@b\"@example.com", "\"a@b\"", "example.com")]
    public void LocalPartOf_and_DomainOf_split_at_the_last_at_sign(
        string address,
        string local,
        string domain)
    {
        Assert.Equal(local, EmailAddress.LocalPartOf(address));
        Assert.Equal(domain, EmailAddress.DomainOf(address));
    }
}
