using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using NightPos.Dispatch.Telemetry;
using NightPos.Dispatch.Tests.Hosting;
using NightPos.Dispatch.Tests.Peers;

namespace NightPos.Dispatch.Tests.Telemetry;

/// <summary>
/// The product's own metrics (docs/operations.md, "Telemetry") move as mail goes out through a
/// real SMTP server on loopback: queued, routed, sent, deferred, failed and the daily usage.
/// </summary>
public sealed class DispatchMetricsTests
{
    [Fact]
    public async Task Dispatch_metrics_count_what_the_SMTP_server_answered()
    {
        await using var host = await DispatchHost.StartAsync(
            new Dictionary<string, string> { ["NightPos:DailyLimit"] = "50" });
        var app = host.App.Host;
        host.Smtp.RecipientReply = recipient => recipient switch
        {
            _ when recipient.StartsWith("unknown") => TestSmtpServer.Reply(550, "5.1.1 unknown"),
            _ when recipient.StartsWith("later") => TestSmtpServer.Reply(451, "4.3.0 try later"),
            _ => null,
        };
        using var recorded = new Measurements(app.Services.GetRequiredService<IMeterFactory>());

        var (sent, _) = await app.SendAsync(new { to = new[] { "ann@example.com" } });
        await app.WaitForStateAsync(sent, "sent");
        var (failed, _) = await app.SendAsync(new { to = new[] { "unknown@example.com" } });
        await app.WaitForStateAsync(failed, "failed");
        var (deferred, _) = await app.SendAsync(
            new { to = new[] { "later@example.com" }, kind = "mass" });
        await app.WaitForStateAsync(deferred, "deferred");

        Assert.Equal(2, recorded.Sum("nightpos.messages.queued", "nightpos.mail.kind",
            "transactional"));
        Assert.Equal(1, recorded.Sum("nightpos.messages.queued", "nightpos.mail.kind", "mass"));
        Assert.Equal(3, recorded.Sum("nightpos.routing.decisions", "nightpos.routing.rule",
            "default-server"));
        Assert.Equal(1, recorded.Sum("nightpos.messages.sent", "server.address", "127.0.0.1"));
        Assert.Equal(1, recorded.Sum("nightpos.messages.failed", "error.type",
            "invalid_recipient"));
        Assert.True(recorded.Sum("nightpos.messages.deferred", "error.type",
            "temporary_failure") >= 1);
        Assert.Equal(0, recorded.Sum("nightpos.messages.failed", "error.type",
            "temporary_failure"));

        // One slot for the accepted message; refused and deferred attempts gave theirs back.
        Assert.Equal(1, recorded.Last("nightpos.usage.daily"));
        Assert.Equal(50, recorded.Observed("nightpos.usage.daily.limit"));
    }

    [Fact]
    public async Task Dispatch_metrics_leave_an_idempotent_retry_uncounted()
    {
        await using var host = await DispatchHost.StartAsync();
        var app = host.App.Host;
        using var recorded = new Measurements(app.Services.GetRequiredService<IMeterFactory>());

        var request = new { to = new[] { "ann@example.com" }, idempotencyKey = "invoice-7" };
        var (first, _) = await app.SendAsync(request);
        var (again, _) = await app.SendAsync(request);
        await app.WaitForStateAsync(first, "sent");

        Assert.Equal(first, again);
        Assert.Equal(1, recorded.Sum("nightpos.messages.queued", "nightpos.mail.kind",
            "transactional"));
        Assert.Equal(1, recorded.Sum("nightpos.messages.sent", "server.address", "127.0.0.1"));
    }

    /// <summary>
    /// Listens to the Dispatch meter of one host only: meters of other hosts in this test
    /// process have the same name but another factory.
    /// </summary>
    private sealed class Measurements : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<Measurement> _seen = new();

        public Measurements(IMeterFactory factory)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == DispatchMetrics.MeterName
                    && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>(
                (instrument, value, tags, _) => Add(instrument, value, tags));
            _listener.SetMeasurementEventCallback<int>(
                (instrument, value, tags, _) => Add(instrument, value, tags));
            _listener.Start();
        }

        public long Sum(string name, string tag, string value) =>
            _seen.Where(m => m.Name == name && Equals(m.Tags.GetValueOrDefault(tag), value))
                .Sum(m => m.Value);

        public long? Last(string name) =>
            _seen.Where(m => m.Name == name).Select(m => (long?)m.Value).LastOrDefault();

        public long? Observed(string name)
        {
            _listener.RecordObservableInstruments();
            return Last(name);
        }

        public void Dispose() => _listener.Dispose();

        private void Add(
            Instrument instrument,
            long value,
            ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, object?>();
            foreach (var (key, tagValue) in tags)
            {
                copy[key] = tagValue;
            }

            _seen.Enqueue(new Measurement(instrument.Name, value, copy));
        }
    }

    private sealed record Measurement(
        string Name,
        long Value,
        Dictionary<string, object?> Tags);
}
