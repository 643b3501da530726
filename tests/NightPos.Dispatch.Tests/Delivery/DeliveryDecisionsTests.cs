using Microsoft.Extensions.Options;
using NightPos.Dispatch.Delivery;
using NightPos.Dispatch.Messages;

namespace NightPos.Dispatch.Tests.Delivery;

/// <summary>
/// What one attempt means for a message: retries, lifetime, daily limit (SPEC R10, R11).
/// </summary>
public sealed class DeliveryDecisionsTests
{
    private static readonly DeliverySettings Settings = new(Options.Create(new MailDeliveryOptions
    {
        RetryDelays = "30m,1h,4h",
        MaxLifetime = "5d",
    }));

    [Fact]
    public void Decisions_send_the_accepted_fail_the_refused_and_defer_the_rest()
    {
        var (message, _) = DeliveryEdge.Message(["a@x.com", "b@x.com", "c@x.com"]);
        var now = message.QueuedAt.AddMinutes(1);
        var report = new DeliveryReport([
            new("a@x.com", OutcomeKind.Accepted, null, "250 ok"),
            new("b@x.com", OutcomeKind.Permanent, FailureTypes.InvalidRecipient, "550 no"),
            new("c@x.com", OutcomeKind.Transient, DeferralReasons.TemporaryFailure, "451 later"),
        ]);

        var decision = DeliveryDecisions.AfterAttempt(message, report, now, Settings);

        Assert.Collection(decision.Events,
            e => Assert.Equal(["a@x.com"], Assert.IsType<MessageDispatched>(e).Recipients),
            e => Assert.Equal(
                FailureTypes.InvalidRecipient, Assert.IsType<MessageFailed>(e).FailureType),
            e => Assert.Equal(now.AddMinutes(30), Assert.IsType<MessageDeferred>(e).NextAttemptAt));
        Assert.Equal(now.AddMinutes(30), decision.RetryAt);
    }

    [Theory]
    [InlineData(0, 30)]
    [InlineData(1, 60)]
    [InlineData(2, 240)]
    [InlineData(3, 240)]
    [InlineData(9, 240)]
    public void Decisions_wait_longer_after_each_attempt_then_repeat_the_last_delay(
        int attemptsBefore,
        int minutes)
    {
        var (message, _) = DeliveryEdge.Message(["a@x.com"]);
        message.Attempts = attemptsBefore;
        var now = message.QueuedAt.AddHours(1);

        var decision = DeliveryDecisions.AfterAttempt(message, Transient("a@x.com"), now, Settings);

        Assert.Equal(now.AddMinutes(minutes), decision.RetryAt);
        var deferred = Assert.IsType<MessageDeferred>(Assert.Single(decision.Events));
        Assert.Equal(attemptsBefore + 1, deferred.Attempt);
    }

    [Fact]
    public void Decisions_make_the_last_try_at_the_end_of_the_lifetime()
    {
        var (message, _) = DeliveryEdge.Message(["a@x.com"]);
        var now = message.QueuedAt.AddDays(5).AddMinutes(-10);

        var decision = DeliveryDecisions.AfterAttempt(message, Transient("a@x.com"), now, Settings);

        Assert.Equal(message.QueuedAt.AddDays(5), decision.RetryAt);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Decisions_fail_as_expired_once_the_lifetime_is_spent(int minutesLate)
    {
        var (message, _) = DeliveryEdge.Message(["a@x.com"]);
        var now = message.QueuedAt.AddDays(5).AddMinutes(minutesLate);

        var decision = DeliveryDecisions.AfterAttempt(message, Transient("a@x.com"), now, Settings);

        var failed = Assert.IsType<MessageFailed>(Assert.Single(decision.Events));
        Assert.Equal(FailureTypes.Expired, failed.FailureType);
        Assert.Equal("451 later", failed.Reply);
        Assert.Null(decision.RetryAt);
    }

    [Fact]
    public void Decisions_hold_a_message_over_the_daily_limit_until_the_next_UTC_day()
    {
        var (message, _) = DeliveryEdge.Message(["a@x.com", "b@x.com"]);
        var now = new DateTimeOffset(2031, 3, 4, 23, 59, 59, TimeSpan.FromHours(-5));

        var decision = DeliveryDecisions.OverDailyLimit(message, now);

        var deferred = Assert.IsType<MessageDeferred>(Assert.Single(decision.Events));
        Assert.Equal(DeferralReasons.DailyLimit, deferred.Reason);
        Assert.Equal(0, deferred.Attempt);
        Assert.Equal(new DateTimeOffset(2031, 3, 6, 0, 0, 0, TimeSpan.Zero), decision.RetryAt);
        Assert.Equal(["a@x.com", "b@x.com"], deferred.Recipients);
    }

    [Fact]
    public void Decisions_never_expire_a_message_held_by_the_daily_limit()
    {
        var (message, _) = DeliveryEdge.Message(["a@x.com"]);

        var decision = DeliveryDecisions.OverDailyLimit(message, message.QueuedAt.AddDays(30));

        Assert.IsType<MessageDeferred>(Assert.Single(decision.Events));
    }

    [Fact]
    public void Decisions_know_a_delivery_command_whose_attempt_was_made_since()
    {
        var (message, _) = DeliveryEdge.Message(["a@x.com", "b@x.com"]);
        var next = message.QueuedAt.AddMinutes(30);

        Assert.True(DeliveryDecisions.IsDue(message, null));
        message.Apply(new MessageDispatched(1, null, ["a@x.com"], "250 ok"));
        message.Apply(new MessageDeferred(1, ["b@x.com"], "temporary_failure", "451", next));

        Assert.False(DeliveryDecisions.IsDue(message, null));
        Assert.False(DeliveryDecisions.IsDue(message, next.AddSeconds(-1)));
        Assert.True(DeliveryDecisions.IsDue(message, next));
    }

    private static DeliveryReport Transient(string address) => new([
        new(address, OutcomeKind.Transient, DeferralReasons.TemporaryFailure, "451 later"),
    ]);
}
