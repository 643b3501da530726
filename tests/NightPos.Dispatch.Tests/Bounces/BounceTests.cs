using System.Text.Json;
using Alba;
using Microsoft.Extensions.DependencyInjection;
using NightPos.Dispatch.Contracts;
using NightPos.Dispatch.Tests.Hosting;
using NightPos.Testing;
using Wolverine;

namespace NightPos.Dispatch.Tests.Bounces;

/// <summary>SPEC R12 through the host: a real Postfix bounce marks the recipient bounced.</summary>
public sealed class BounceTests(DispatchHost host)
{
    private IAlbaHost Host => host.App.Host;

    [Fact]
    public async Task Bounce_of_Postfix_marks_the_recipient_of_the_original_message_bounced()
    {
        // The fixture's Message-ID holds the id this key gives (DeliveryStatusReportTests).
        var (id, _) = await Host.SendAsync(new
        {
            to = new[] { "nobody-here@localhost.localdomain" },
            idempotencyKey = "dsn-fixture-1",
        });
        await Host.WaitForStateAsync(id, "sent");
        using var scope = Host.Services.CreateScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        var report = new RecordDeliveryReport(DeliveryStatusReportTests.PostfixReport);

        var recorded = await bus.InvokeAsync<DeliveryReportRecorded>(
            report, TestContext.Current.CancellationToken);
        var again = await bus.InvokeAsync<DeliveryReportRecorded>(
            report, TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryStatusReportTests.FixtureMessage, id);
        Assert.Equal(id, recorded.MessageId);
        Assert.Equal(["nobody-here@localhost.localdomain"], recorded.BouncedRecipients);
        Assert.Empty(again.BouncedRecipients);
        var message = await Host.GetMessageAsync(id);
        Assert.Equal("bounced", message.State());
        var recipient = message.GetProperty("recipients")[0];
        Assert.Equal("bounced", recipient.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Bounce_posted_to_the_inbound_gateway_reaches_the_original_message()
    {
        var key = $"dsn-{Guid.NewGuid()}";
        var (id, messageId) = await Host.SendAsync(new
        {
            to = new[] { "nobody-here@localhost.localdomain" },
            idempotencyKey = key,
        });
        await Host.WaitForStateAsync(id, "sent");
        var report = DeliveryStatusReportTests.PostfixReport.Replace(
            DeliveryStatusReportTests.FixtureMessage.ToString("N"), id.ToString("N"));

        var result = await Host.Scenario(s =>
        {
            s.Post.Text(report).ToUrl("/api/inbound");
            s.WithRequestHeader("Content-Type", "message/rfc822");
            s.AsSender();
            s.StatusCodeShouldBeOk();
        });

        var answer = await result.ReadAsJsonAsync<JsonElement>();
        Assert.Equal(id, answer.GetProperty("deliveryReportMessageId").GetGuid());
        Assert.Equal("bounced", (await Host.GetMessageAsync(id)).State());
        Assert.Contains(id.ToString("N"), messageId);
    }

    [Fact]
    public async Task Copies_of_one_report_arriving_together_bounce_the_recipient_once()
    {
        // Each copy reads the same version of the message and all but one lose Marten's
        // version check when they append: they must read again, not fail the caller.
        var (id, _) = await Host.SendAsync(new
        {
            to = new[] { "nobody-here@localhost.localdomain" },
            idempotencyKey = $"dsn-{Guid.NewGuid()}",
        });
        await Host.WaitForStateAsync(id, "sent");
        var report = new RecordDeliveryReport(DeliveryStatusReportTests.PostfixReport.Replace(
            DeliveryStatusReportTests.FixtureMessage.ToString("N"), id.ToString("N")));

        var recorded = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var scope = Host.Services.CreateScope();
            var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
            return await bus.InvokeAsync<DeliveryReportRecorded>(
                report, TestContext.Current.CancellationToken);
        }));

        Assert.All(recorded, r => Assert.Equal(id, r.MessageId));
        Assert.Single(recorded, r => r.BouncedRecipients.Count == 1);
        Assert.Equal("bounced", (await Host.GetMessageAsync(id)).State());
    }

    [Fact]
    public async Task Bounce_of_a_message_that_is_not_ours_matches_nothing()
    {
        using var scope = Host.Services.CreateScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        var stranger = DeliveryStatusReportTests.PostfixReport.Replace(
            "6dce080f62055983b034672e44068b7e", Guid.NewGuid().ToString("N"));

        var recorded = await bus.InvokeAsync<DeliveryReportRecorded>(
            new RecordDeliveryReport(stranger), TestContext.Current.CancellationToken);

        Assert.Null(recorded.MessageId);
        Assert.Empty(recorded.BouncedRecipients);
    }
}
