using Microsoft.Extensions.Options;
using NightPos.Dispatch.Contracts;
using NightPos.Dispatch.Delivery;
using NightPos.Dispatch.Messages;
using NightPos.Dispatch.Sending;

namespace NightPos.Dispatch.Tests.Sending;

/// <summary>What a send command must be before anything is recorded (SPEC R11, R17).</summary>
public sealed class SendMessageRulesTests
{
    private static readonly DeliverySettings Settings = new(Options.Create(new MailDeliveryOptions
    {
        MaxSubjectLength = 20,
        MaxBodyBytes = 16,
        MaxRecipients = 3,
    }));

    // Addresses that are one mailbox each, including the near misses that must still pass.
    public static TheoryData<string> Mailboxes => new(
        "mary@example.com",
        "MARY@EXAMPLE.COM",
        "\"Mary\" <mary@example.com>",
        "Mary Smith <mary@example.com>",
        "\"admin@bank.example\" <mary@example.com>",
        "\"Smith, Mary\" <mary@example.com>",
        "mary@bücher.example",
        "mary@xn--bcher-kva.example",
        "mary+invoices@sub.example.com");

    // Strings that are not exactly one valid mailbox.
    public static TheoryData<string> NotMailboxes => new(
        "",
        " ",
        "mary",
        "mary@",
        "@example.com",
        "mary@example",
        "mary@exa mple.com",
        "mary@-example.com",
        "a@example.com, b@example.com",
        "Smith, Mary <mary@example.com>",
        "friends: a@example.com, b@example.com;",
        "Mary <mary@example.com> trailing");

    // A line break or NUL anywhere in a header value could forge headers (SPEC R17).
    public static TheoryData<string> BrokenLines => new(
        "mary@example.com\r\nBcc: eve@example.com",
        "\"Mary\r\nBcc: eve@example.com\" <mary@example.com>",
        "\"Mary\nX\" <mary@example.com>",
        "\"Mary\rX\" <mary@example.com>",
        "mary@example.com\0");

    [Theory]
    [MemberData(nameof(Mailboxes))]
    public void Rules_accept_one_mailbox_in_every_address_field(string address)
    {
        var command = new SendMessage
        {
            From = address,
            ReplyTo = address,
            To = [address],
            Cc = ["cc@example.com"],
            Bcc = ["bcc@example.com"],
        };

        var refusal = SendMessageRules.Check(command, Settings, out var recipients);

        Assert.Null(refusal);
        Assert.Equal(3, recipients.Count);
    }

    [Theory]
    [MemberData(nameof(NotMailboxes))]
    public void Rules_refuse_what_is_not_one_mailbox_naming_the_field(string address)
    {
        foreach (var (field, command) in Commands(address))
        {
            var refusal = SendMessageRules.Check(command, Settings, out _);

            Assert.NotNull(refusal);
            Assert.Equal(400, refusal.Status);
            Assert.Equal(field, refusal.Field);
            Assert.Contains(field, refusal.Detail);
        }
    }

    [Theory]
    [MemberData(nameof(BrokenLines))]
    public void Rules_refuse_line_breaks_and_NUL_in_header_values(string address)
    {
        foreach (var (field, command) in Commands(address))
        {
            var refusal = SendMessageRules.Check(command, Settings, out _);

            Assert.Equal(field, refusal?.Field);
            Assert.Contains("line break", refusal!.Detail);
        }
    }

    [Theory]
    [InlineData("Quotation\r\nBcc: eve@example.com")]
    [InlineData("Quotation\n")]
    [InlineData("Quotation\r")]
    [InlineData("Quo\0tation")]
    public void Rules_refuse_a_subject_on_more_than_one_line(string subject)
    {
        var refusal = SendMessageRules.Check(Valid() with { Subject = subject }, Settings, out _);

        Assert.Equal("subject", refusal?.Field);
    }

    [Theory]
    [InlineData(20, true)]
    [InlineData(21, false)]
    public void Rules_hold_the_subject_to_its_configured_length(int length, bool accepted)
    {
        var refusal = SendMessageRules.Check(
            Valid() with { Subject = new string('s', length) }, Settings, out _);

        Assert.Equal(accepted, refusal is null);
    }

    [Theory]
    [InlineData("0123456789", "012345", true)]
    [InlineData("0123456789", "0123456", false)]
    [InlineData("ééééééé", "01", true)]
    [InlineData("éééééééé", "0", false)]
    public void Rules_count_the_bodies_in_UTF8_bytes_against_the_limit(
        string text,
        string html,
        bool accepted)
    {
        var refusal = SendMessageRules.Check(
            Valid() with { Text = text, Html = html }, Settings, out _);

        Assert.Equal(accepted, refusal is null);
    }

    [Fact]
    public void Rules_need_at_least_one_recipient()
    {
        var refusal = SendMessageRules.Check(
            new SendMessage { From = "mary@example.com", To = [] }, Settings, out _);

        Assert.Equal("to", refusal?.Field);
    }

    [Fact]
    public void Rules_accept_a_message_with_only_blind_copies()
    {
        var refusal = SendMessageRules.Check(
            new SendMessage { Bcc = ["bcc@example.com"] }, Settings, out var recipients);

        Assert.Null(refusal);
        Assert.Equal(RecipientKind.Bcc, Assert.Single(recipients).Kind);
    }

    [Fact]
    public void Rules_keep_one_copy_of_a_recipient_named_twice()
    {
        var command = new SendMessage
        {
            To = ["Mary <mary@example.com>"],
            Cc = ["MARY@example.com"],
            Bcc = ["bob@example.com"],
        };

        SendMessageRules.Check(command, Settings, out var recipients);

        Assert.Equal(
            [("mary@example.com", RecipientKind.To), ("bob@example.com", RecipientKind.Bcc)],
            recipients.Select(r => (r.Address, r.Kind)));
        Assert.Equal("Mary", recipients[0].Name);
    }

    [Fact]
    public void Rules_hold_the_recipients_to_their_configured_number()
    {
        var refusal = SendMessageRules.Check(
            new SendMessage { To = ["a@x.com", "b@x.com"], Cc = ["c@x.com", "d@x.com"] },
            Settings,
            out _);

        Assert.Equal("to", refusal?.Field);
        Assert.Contains("MaxRecipients", refusal!.Detail);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("retry-7f3a", true)]
    [InlineData("key\nwith a line break", false)]
    public void Rules_check_the_idempotency_key(string key, bool accepted)
    {
        var refusal = SendMessageRules.Check(
            Valid() with { IdempotencyKey = key }, Settings, out _);

        Assert.Equal(accepted, refusal is null);
        Assert.Equal(accepted ? null : "idempotencyKey", refusal?.Field);
    }

    // Message-IDs with or without brackets pass; what is no single msg-id is refused, named.
    [Theory]
    [InlineData("<thread.1@company-name.example>", null)]
    [InlineData("post.2@company-name.example", null)]
    [InlineData("", "inReplyTo")]
    [InlineData("<>", "inReplyTo")]
    [InlineData("no-at-sign", "inReplyTo")]
    [InlineData("<a@example.com> <b@example.com>", "inReplyTo")]
    [InlineData("a@example.com\r\nBcc: eve@example.com", "inReplyTo")]
    public void Rules_check_the_threading_Message_IDs(string id, string? field)
    {
        var asReply = SendMessageRules.Check(Valid() with { InReplyTo = id }, Settings, out _);
        var asReference = SendMessageRules.Check(
            Valid() with { References = ["<root@company-name.example>", id] }, Settings, out _);

        Assert.Equal(field, asReply?.Field);
        Assert.Equal(field is null ? null : "references[1]", asReference?.Field);
    }

    [Fact]
    public void Rules_refuse_more_references_than_a_thread_needs()
    {
        var references = Enumerable.Range(0, 101).Select(i => $"post.{i}@example.com").ToList();

        var refusal = SendMessageRules.Check(
            Valid() with { References = references }, Settings, out _);

        Assert.Equal("references", refusal?.Field);
    }

    [Fact]
    public void Rules_refuse_a_NUL_in_a_body()
    {
        var refusal = SendMessageRules.Check(Valid() with { Html = "<p>\0</p>" }, Settings, out _);

        Assert.Equal("html", refusal?.Field);
    }

    [Fact]
    public void Command_text_names_no_address_and_no_content()
    {
        var text = (Valid() with { Subject = "Secret plans", Text = "The body" }).ToString();

        Assert.DoesNotContain("mary", text);
        Assert.DoesNotContain("Secret", text);
        Assert.DoesNotContain("body", text);
    }

    private static SendMessage Valid() =>
        new() { From = "mary@example.com", To = ["bob@example.com"] };

    private static IEnumerable<(string Field, SendMessage Command)> Commands(string address) =>
    [
        ("from", Valid() with { From = address }),
        ("replyTo", Valid() with { ReplyTo = address }),
        ("to[1]", Valid() with { To = ["bob@example.com", address] }),
        ("cc[0]", Valid() with { Cc = [address] }),
        ("bcc[0]", Valid() with { Bcc = [address] }),
    ];
}
