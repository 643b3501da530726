using NightPos.Kernel.Mail;

namespace NightPos.Kernel.Tests;

/// <summary>
/// The FROM filter (SPEC "Terms", R5): parsing, normalisation and exact matching, each table
/// full of deliberate near misses.
/// </summary>
public sealed class FromFilterTests
{
    public static TheoryData<string?, string> Normalised => new()
    {
        { null, "" },
        { "", "" },
        { "   ", "" },
        { " , ,, ", "" },
        { "Example.COM", "example.com" },
        { " example.com , example.org ", "example.com,example.org" },
        { "example.org,example.com", "example.org,example.com" },
        { "example.com,EXAMPLE.COM, example.com", "example.com" },
        { "example.com.", "example.com" },
        { "Bücher.de", "xn--bcher-kva.de" },
        { "BÜCHER.DE", "xn--bcher-kva.de" },
        { "xn--bcher-kva.de,bücher.de", "xn--bcher-kva.de" },
        { "Test@Example.COM", "test@example.com" },
        { "test@Bücher.de", "test@xn--bcher-kva.de" },
        { "test@example.com,example.com", "test@example.com,example.com" },
        { "mail.example.com,example.com", "mail.example.com,example.com" },
    };

    [Theory]
    [MemberData(nameof(Normalised))]
    public void Parse_trims_drops_empty_entries_lowercases_and_punycodes(string? raw, string stored)
    {
        var filter = FromFilter.Parse(raw, out var error);

        Assert.Null(error);
        Assert.Equal(stored, filter!.ToString());
        Assert.Equal(stored.Length == 0, filter.IsEmpty);
    }

    public static TheoryData<string> Invalid => new()
    {
        "example .com",
        "exa_mple.com",
        "example",
        "localhost",
        ".example.com",
        "example..com",
        "-example.com",
        "example-.com",
        "@example.com",
        "test@",
        "te st@example.com",
        "test@@example.com",
        "a@b@example.com",
        "example.com;example.org",
        "example.com example.org",
        "example.com\r\n",
        "example.com\nBcc: victim@example.org",
        "\texample.com",
        "exam\u0000ple.com",
        "127.0.0.1",
        "[127.0.0.1]",
        "<test@example.com>",
        "\"Mary\" <mary@example.com>",
        "Mary <mary@example.com>",
        new string('a', 64) + ".com",
        "example.com,valid.org,in valid.org",
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Parse_refuses_an_entry_that_is_neither_a_domain_nor_an_address(string raw)
    {
        var filter = FromFilter.Parse(raw, out var error);

        Assert.Null(filter);
        Assert.StartsWith("the entry '", error);
        Assert.DoesNotContain('\n', error!);
        Assert.DoesNotContain('\r', error!);
    }

    [Theory]
    [InlineData("example.com;example.org")]
    [InlineData("example.com example.org")]
    public void Parse_suggests_commas_for_what_looks_like_a_list(string raw)
    {
        FromFilter.Parse(raw, out var error);

        Assert.Contains("separate entries with commas", error);
    }

    public static TheoryData<string, string?, bool> Matches => new()
    {
        // Exact domains: not the look-alike, not the parent, not a sub-domain.
        { "mail.example.com", "admin@mail.example.com", true },
        { "mail.example.com", "admin@mmail.example.com", false },
        { "mail.example.com", "admin@ail.example.com", false },
        { "mail.example.com", "admin@example.com", false },
        { "example.com", "admin@mail.example.com", false },
        { "example.com", "admin@example.com.attacker.org", false },
        { "example.com", "admin@example.co", false },
        { "example.com", "admin@example.com.", true },

        // Case and IDN: compared lower-case, in punycode.
        { "example.com", "ADMIN@EXAMPLE.COM", true },
        { "bücher.de", "info@xn--bcher-kva.de", true },
        { "xn--bcher-kva.de", "info@BÜCHER.de", true },
        { "example.com", "info@\u0435xample.com", false },
        { "bücher.de", "info@bucher.de", false },

        // Whole addresses hold that address only.
        { "test@example.com", "test@example.com", true },
        { "test@example.com", "Test@Example.COM", true },
        { "test@example.com", "other@example.com", false },
        { "test@example.com", "test@mail.example.com", false },
        { "test@example.com", "test.x@example.com", false },

        // An empty filter allows everyone, even no author; a filter never allows a non-address.
        { "", "anyone@anywhere.org", true },
        { " , ", "anyone@anywhere.org", true },
        { "", null, true },
        { "example.com", null, false },
        { "example.com", "", false },
        { "example.com", "example.com", false },
        { "example.com", "@example.com", false },

        // A display name that looks like an allowed address is not the address.
        { "example.com", "\"admin@example.com\" <evil@attacker.org>", false },
        { "example.com", "admin@example.com <evil@attacker.org>", false },
    };

    [Theory]
    [MemberData(nameof(Matches))]
    public void Allows_holds_exactly_the_addresses_and_domains_of_the_filter(
        string filter,
        string? address,
        bool allowed)
    {
        var parsed = FromFilter.FromStored(filter);

        Assert.Equal(allowed, parsed.Allows(address));
    }

    [Fact]
    public void Entries_keep_their_order_and_split_into_addresses_and_domains()
    {
        var filter = FromFilter.FromStored("b.example.org, first@example.com, a.example.org");

        Assert.Equal(["b.example.org", "first@example.com", "a.example.org"], filter.Entries);
        Assert.Equal(["first@example.com"], filter.Addresses);
        Assert.Equal(["b.example.org", "a.example.org"], filter.Domains);
    }

    [Fact]
    public void Filters_with_the_same_entries_are_equal_whatever_their_spelling()
    {
        var typed = FromFilter.FromStored(" Example.COM,bücher.de ");
        var stored = FromFilter.FromStored("example.com,xn--bcher-kva.de");

        Assert.Equal(stored, typed);
        Assert.Equal(stored.GetHashCode(), typed.GetHashCode());
        Assert.NotEqual(FromFilter.FromStored("xn--bcher-kva.de,example.com"), typed);
    }

    [Fact]
    public void FromStored_refuses_what_Parse_refuses()
    {
        Assert.Throws<ArgumentException>(() => FromFilter.FromStored("not a filter"));
    }
}
