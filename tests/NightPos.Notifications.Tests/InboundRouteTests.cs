using MimeKit;
using NightPos.Domains.Contracts;
using NightPos.Notifications.Inbound;
using NightPos.Notifications.Threads;

namespace NightPos.Notifications.Tests;

public sealed class InboundRouteTests
{
    private static readonly Guid ThreadId = Guid.NewGuid();

    private static readonly AddressOwner Catchall =
        new(Guid.NewGuid(), "catchall@company-name.test", AddressRole.Catchall, Retired: false);

    private static readonly AddressOwner RetiredCatchall =
        new(Guid.NewGuid(), "replies@old-name.test", AddressRole.Catchall, Retired: true);

    private static readonly AddressOwner Bounce =
        new(Guid.NewGuid(), "bounce@company-name.test", AddressRole.Bounce, Retired: false);

    private static readonly ThreadMessageId Discussion =
        new("abc@mail.test", ThreadId, Guid.NewGuid(), Subtypes.Discussions);

    private static readonly ThreadMessageId Note =
        new("def@mail.test", ThreadId, Guid.NewGuid(), Subtypes.Note);

    [Fact]
    public void Reply_to_a_catchall_that_answers_a_thread_message_is_a_discussion_post()
    {
        var route = InboundRoute.Decide(Reply(), [Catchall], false, Discussion);

        Assert.Equal((ThreadId, Subtypes.Discussions, null), Parts(route));
    }

    [Fact]
    public void Reply_to_a_retired_catchall_is_routed_as_before()
    {
        var route = InboundRoute.Decide(Reply(), [RetiredCatchall], false, Discussion);

        Assert.Equal(ThreadId, route.ThreadId);
    }

    [Fact]
    public void Reply_to_a_note_stays_a_note()
    {
        var route = InboundRoute.Decide(Reply(), [Catchall], false, Note);

        Assert.Equal(Subtypes.Note, route.Subtype);
    }

    [Fact]
    public void Mail_fetched_from_the_catchall_mailbox_needs_no_catchall_recipient()
    {
        var route = InboundRoute.Decide(Reply(), [], true, Discussion);

        Assert.Equal(ThreadId, route.ThreadId);
    }

    public static TheoryData<string, string> Unrouted => new()
    {
        { "no-from", "no sender address" },
        { "automatic", "Auto-Submitted" },
        { "not-to-catchall", "addressed to no catchall" },
        { "to-bounce", "bounce address but is no delivery status notification" },
        { "not-a-reply", "neither In-Reply-To nor References" },
        { "unknown-thread", "answers no message of any thread" },
    };

    [Theory]
    [MemberData(nameof(Unrouted))]
    public void Mail_that_may_not_be_posted_is_unrouted_with_its_reason(string c, string reason)
    {
        var route = c switch
        {
            "no-from" => InboundRoute.Decide(Reply() with { FromEmail = null }, [Catchall], false,
                Discussion),
            "automatic" => InboundRoute.Decide(Reply() with { IsAutomatic = true }, [Catchall],
                false, Discussion),
            "not-to-catchall" => InboundRoute.Decide(Reply(), [], false, Discussion),
            "to-bounce" => InboundRoute.Decide(Reply(), [Bounce], false, Discussion),
            "not-a-reply" => InboundRoute.Decide(Reply() with { InReplyTo = null, References = [] },
                [Catchall], false, null),
            _ => InboundRoute.Decide(Reply(), [Catchall], false, null),
        };

        Assert.Null(route.ThreadId);
        Assert.Contains(reason, route.UnroutedBecause);
    }

    [Fact]
    public void Candidates_are_In_Reply_To_then_References_newest_first()
    {
        var mail = Reply() with { InReplyTo = "c@x", References = ["a@x", "b@x", "c@x"] };

        Assert.Equal(["c@x", "b@x", "a@x"], InboundRoute.Candidates(mail));
    }

    [Fact]
    public void Read_takes_addresses_ids_and_markers_from_the_headers()
    {
        var message = MimeMessage.Load(new MemoryStream("""
            From: "Mary Smith" <Mary.Smith@Customer.TEST>
            To: Sales <CATCHALL@company-name.test>
            Delivered-To: replies@old-name.test
            Subject: Re: S00042
            Message-ID: <reply-1@customer.test>
            In-Reply-To: <n-1@dispatch.test>
            References: <thread.1@company-name.test> <n-1@dispatch.test>
            Auto-Submitted: no

            Yes.
            """u8.ToArray()), TestContext.Current.CancellationToken);

        var mail = InboundMail.Read(message);

        Assert.Equal("mary.smith@customer.test", mail.FromEmail);
        Assert.Equal("Mary Smith", mail.FromName);
        Assert.Equal(["catchall@company-name.test", "replies@old-name.test"], mail.Recipients);
        Assert.Equal("reply-1@customer.test", mail.MessageId);
        Assert.Equal("n-1@dispatch.test", mail.InReplyTo);
        Assert.Equal(["thread.1@company-name.test", "n-1@dispatch.test"], mail.References);
        Assert.False(mail.IsAutomatic);
        Assert.False(mail.IsDeliveryReport);
    }

    [Theory]
    [InlineData("auto-replied", true)]
    [InlineData("auto-generated", true)]
    [InlineData("No", false)]
    public void Read_recognises_automatic_mail(string autoSubmitted, bool automatic)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("robot@customer.test"));
        message.Headers.Add("Auto-Submitted", autoSubmitted);

        Assert.Equal(automatic, InboundMail.Read(message).IsAutomatic);
    }

    private static (Guid?, string?, string?) Parts(InboundRoute route) =>
        (route.ThreadId, route.Subtype, route.UnroutedBecause);

    private static InboundMail Reply() => new("reply-1@customer.test", "abc@mail.test",
        ["thread.1@company-name.test", "abc@mail.test"], "Mary", "mary@customer.test",
        ["catchall@company-name.test"], "Re: S00042", IsDeliveryReport: false, IsAutomatic: false);
}
