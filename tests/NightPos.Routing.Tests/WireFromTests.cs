using MimeKit;
using NightPos.Dispatch.Routing;

namespace NightPos.Routing.Tests;

/// <summary>
/// The header From routing writes must be byte for byte what MimeKit writes for the same
/// mailbox, including the names the fast path leaves to MimeKit.
/// </summary>
public sealed class WireFromTests
{
    private static readonly FormatOptions Wire = WireOptions();

    public static TheoryData<string> Names => new(
        "Mary",
        "Mary Smith",
        "O'Brien",
        "a!#$%&'*+-/=?^_`{|}~z",
        "John Q. Public",
        "Smith, John",
        "admin@mail.example.com",
        "\"Quoted\"",
        "back\\slash",
        "Mary  Smith",
        " Mary",
        "Mary ",
        "Mary\tSmith",
        "J\u00f6rg M\u00fcller",
        "\u674e\u96f7",
        "=?utf-8?q?looks_encoded?=",
        "(comment)",
        "<angle>",
        new string('x', 200),
        new string('y', 201),
        string.Join(" ", Enumerable.Repeat("word", 60)));

    [Theory]
    [MemberData(nameof(Names))]
    public void Named_mailbox_is_written_as_MimeKit_writes_it(string name)
    {
        var expected = new MailboxAddress(name, "notifications@company-name.nightpos.com")
            .ToString(Wire, encode: true);

        var written = WireFrom.Format(name, "notifications@company-name.nightpos.com");

        Assert.Equal(expected, written);
    }

    [Theory]
    [InlineData("\"Mary\" <mary@example.com>")]
    [InlineData("mary@example.com")]
    [InlineData("\"J\u00f6rg\" <joerg@ex\u00e4mple.com>")]
    [InlineData("=?iso-8859-1?q?J=F6rg?= <joerg@example.com>")]
    [InlineData("<@route.example.com:mary@example.com>")]
    [InlineData("\"john doe\"@example.com")]
    public void Author_mailbox_is_written_as_MimeKit_writes_it(string from)
    {
        var mailbox = MailboxAddress.Parse(from);

        var written = WireFrom.Format(mailbox, mailbox.GetAddress(idnEncode: true));

        Assert.Equal(mailbox.ToString(Wire, encode: true), written);
    }

    private static FormatOptions WireOptions()
    {
        var options = FormatOptions.Default.Clone();
        options.International = false;
        options.MaxLineLength = 998;
        return options;
    }
}
