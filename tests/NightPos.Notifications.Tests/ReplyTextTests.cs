using NightPos.Notifications.Inbound;

namespace NightPos.Notifications.Tests;

public sealed class ReplyTextTests
{
    // Each case: what a mail client sends, and what the sender wrote this time.
    public static TheoryData<string, string, string> Replies => new()
    {
        {
            "Gmail",
            "Yes, Thursday works.\n\nOn Tue, 3 Dec 2024 at 10:00, Anna <anna@acme.test> wrote:\n"
                + "> Can we deliver on Thursday?\n> -- \n> Reply to this email",
            "Yes, Thursday works."
        },
        {
            "attribution wrapped over two lines",
            "Fine by me.\n\nOn Tue, 3 Dec 2024 at 10:00, Anna Karenina from Sales <\n"
                + "anna@acme.test> wrote:\n\n> Can we deliver on Thursday?",
            "Fine by me."
        },
        {
            "Outlook with its rule",
            "Agreed.\r\n\r\n-----Original Message-----\r\nFrom: Anna <anna@acme.test>\r\n"
                + "Sent: Tuesday, December 3, 2024 10:00 AM\r\nSubject: S00042\r\n\r\nCan we?",
            "Agreed."
        },
        {
            "Outlook web underscores",
            "Agreed.\n\n________________________________\nFrom: Anna\nSent: Tuesday\n\nCan we?",
            "Agreed."
        },
        {
            "Outlook header block without a rule",
            "Agreed.\n\nFrom: Anna <anna@acme.test>\nDate: Tuesday, 3 December 2024\n"
                + "To: Mary\n\nCan we?",
            "Agreed."
        },
        {
            "French",
            "Oui, jeudi.\n\nLe mar. 3 déc. 2024 à 10:00, Anna <anna@acme.test> a écrit :\n"
                + "> Jeudi ?",
            "Oui, jeudi."
        },
        {
            "German",
            "Ja.\n\nAm 03.12.2024 um 10:00 schrieb Anna <anna@acme.test>:\n> Donnerstag?",
            "Ja."
        },
        {
            "answers between quoted lines",
            "> Can we deliver on Thursday?\nYes.\n> And the invoice?\nNext week.",
            "Yes.\nNext week."
        },
        {
            "nested quotes",
            "Done.\n>> old\n> older\n",
            "Done."
        },
        {
            // Near miss: a sentence that starts like an attribution but never says "wrote".
            "a sentence starting with On",
            "On Monday we ship the pallets.\nThe invoice follows.",
            "On Monday we ship the pallets.\nThe invoice follows."
        },
        {
            // Near miss: a From: line in the text with no date line after it.
            "a From line that starts no header block",
            "From: the warehouse, two pallets left today.\nThanks!",
            "From: the warehouse, two pallets left today.\nThanks!"
        },
        {
            // Near miss: a '>' inside a line is no quote marker.
            "an arrow inside a line",
            "Price went 10 -> 12 and 3 > 2.",
            "Price went 10 -> 12 and 3 > 2."
        },
        {
            "the sender's own signature stays",
            "Thanks!\n-- \nMary Smith, ACME\n\nOn Tue, Anna wrote:\n> Hi",
            "Thanks!\n-- \nMary Smith, ACME"
        },
        {
            // A reply that is only history keeps its text rather than becoming empty.
            "nothing but history",
            "> Can we deliver on Thursday?",
            "> Can we deliver on Thursday?"
        },
    };

    [Theory]
    [MemberData(nameof(Replies))]
    public void NewText_keeps_only_what_the_sender_wrote(
        string client,
        string text,
        string expected)
    {
        Assert.True(client.Length > 0);

        Assert.Equal(expected, ReplyText.NewText(text));
    }

    [Theory]
    [InlineData(
        "<div>Yes, Thursday.</div><div class=\"gmail_quote\"><div>On Tue, Anna wrote:</div>"
            + "<blockquote>Can we?<div>nested</div></blockquote></div><div>after</div>",
        "Yes, Thursday.\nafter")]
    [InlineData(
        "<p>Agreed &amp; signed.</p><div id=\"divRplyFwdMsg\">From: Anna</div><p>Can we?</p>",
        "Agreed & signed.")]
    [InlineData(
        "<html><head><style>p { color: red }</style></head><body><p>Line one<br>line\n two</p>"
            + "<blockquote type=\"cite\">quoted</blockquote></body></html>",
        "Line one\nline two")]
    public void Html_reply_loses_its_quoted_containers(string html, string expected)
    {
        Assert.Equal(expected, HtmlReplyText.ToText(html));
    }
}
