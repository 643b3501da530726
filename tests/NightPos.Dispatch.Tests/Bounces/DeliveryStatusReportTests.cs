using NightPos.Dispatch.Bounces;
using NightPos.Dispatch.Messages;
using NightPos.Dispatch.Tests.Delivery;

namespace NightPos.Dispatch.Tests.Bounces;

/// <summary>
/// Reading a real bounce: the fixture is the report Postfix on this machine wrote for a message
/// to an unknown local user (generated once with <c>postfix start</c> and <c>sendmail</c>).
/// </summary>
public sealed class DeliveryStatusReportTests
{
    public static string PostfixReport { get; } = File.ReadAllText(
        Path.Combine(AppContext.BaseDirectory, "Fixtures", "postfix-dsn-unknown-user.eml"));

    // The id inside the fixture's Message-ID: MessageIds.FromIdempotencyKey("dsn-fixture-1").
    public static Guid FixtureMessage { get; } = MessageIds.FromIdempotencyKey("dsn-fixture-1");

    [Fact]
    public void Report_of_Postfix_names_the_original_message_and_the_failed_recipient()
    {
        var report = DeliveryStatusReport.Read(PostfixReport);

        Assert.NotNull(report);
        Assert.Equal(FixtureMessage, MessageIds.FromMessageIdHeader(report.OriginalMessageId));
        var recipient = Assert.Single(report.Recipients);
        Assert.Equal("nobody-here@localhost.localdomain", recipient.Address);
        Assert.True(recipient.Failed);
        Assert.Equal("5.1.1", recipient.Status);
        Assert.Contains("unknown user", recipient.Diagnostic);
    }

    [Theory]
    [InlineData("Subject: hello\r\n\r\nJust a reply, no report.\r\n")]
    [InlineData("")]
    public void Report_is_null_for_mail_that_is_no_delivery_status_report(string raw)
    {
        Assert.Null(DeliveryStatusReport.Read(raw));
    }

    [Fact]
    public void Report_marks_the_failed_recipient_bounced_once()
    {
        var (message, _) = DeliveryEdge.Message(
            ["ann@example.com", "Nobody-Here@LOCALHOST.localdomain"]);
        var report = DeliveryStatusReport.Read(PostfixReport)!;

        var first = RecordDeliveryReportHandler.Decide(message, report, DateTimeOffset.UtcNow);
        first.ForEach(message.Apply);
        var again = RecordDeliveryReportHandler.Decide(message, report, DateTimeOffset.UtcNow);

        var bounce = Assert.Single(first);
        Assert.Equal("Nobody-Here@LOCALHOST.localdomain", bounce.Recipient);
        Assert.Equal("5.1.1", bounce.Status);
        Assert.Empty(again);
    }

    [Fact]
    public void Report_for_a_recipient_the_message_never_had_marks_nothing()
    {
        var (message, _) = DeliveryEdge.Message(["ann@example.com"]);

        var bounced = RecordDeliveryReportHandler.Decide(
            message, DeliveryStatusReport.Read(PostfixReport)!, DateTimeOffset.UtcNow);

        Assert.Empty(bounced);
    }
}
