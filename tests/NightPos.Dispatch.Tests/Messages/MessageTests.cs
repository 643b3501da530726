using NightPos.Dispatch.Delivery;
using NightPos.Dispatch.Messages;
using NightPos.Dispatch.Tests.Delivery;

namespace NightPos.Dispatch.Tests.Messages;

/// <summary>How a message's events add up to its state (API.md <c>state</c>).</summary>
public sealed class MessageTests
{
    [Fact]
    public void Message_is_queued_until_an_attempt_says_otherwise()
    {
        var (message, _) = DeliveryEdge.Message(["a@x.com"]);

        Assert.Equal(MessageState.Queued, message.State);
        Assert.Equal("catchall@company-name.nightpos.com", message.ReplyTo);
    }

    [Fact]
    public void Message_with_a_copy_still_deferred_is_deferred()
    {
        var (message, _) = DeliveryEdge.Message(["a@x.com", "b@x.com"]);

        message.Apply(new MessageDispatched(1, null, ["a@x.com"], "250 ok"));
        message.Apply(new MessageDeferred(
            1, ["B@X.COM"], "temporary_failure", "451", DateTimeOffset.UtcNow));

        Assert.Equal(MessageState.Deferred, message.State);
        Assert.Equal(RecipientState.Deferred, message.Recipients[1].State);
        Assert.False(message.IsSettled);
    }

    [Fact]
    public void Message_sent_to_some_and_failed_for_others_is_sent_with_the_failure_named()
    {
        var (message, _) = DeliveryEdge.Message(["a@x.com", "b@x.com"]);

        message.Apply(new MessageDispatched(1, null, ["a@x.com"], "250 ok"));
        message.Apply(new MessageFailed(1, ["b@x.com"], FailureTypes.InvalidRecipient, "550"));

        Assert.Equal(MessageState.Sent, message.State);
        Assert.Equal(FailureTypes.InvalidRecipient, message.FailureType);
        Assert.True(message.IsSettled);
        Assert.Null(message.NextAttemptAt);
    }

    [Fact]
    public void Message_failed_for_everyone_is_failed()
    {
        var (message, _) = DeliveryEdge.Message(["a@x.com"]);

        message.Apply(new MessageFailed(3, ["a@x.com"], FailureTypes.Tls, "no STARTTLS"));

        Assert.Equal((MessageState.Failed, 3), (message.State, message.Attempts));
    }

    [Fact]
    public void Message_bounced_for_one_recipient_shows_the_red_envelope()
    {
        var (message, _) = DeliveryEdge.Message(["a@x.com", "b@xn--bcher-kva.example"]);
        message.Apply(new MessageDispatched(
            1, null, ["a@x.com", "b@xn--bcher-kva.example"], "250"));

        message.Apply(new MessageBounced(
            "b@bücher.example", "5.1.1", "user unknown", DateTimeOffset.UtcNow));

        Assert.Equal(MessageState.Bounced, message.State);
        Assert.Equal(RecipientState.Bounced, message.Recipients[1].State);
        Assert.Equal(RecipientState.Sent, message.Recipients[0].State);
    }
}
