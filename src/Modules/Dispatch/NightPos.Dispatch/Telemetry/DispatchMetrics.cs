using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NightPos.Dispatch.Contracts;
using NightPos.Dispatch.Delivery;
using NightPos.Dispatch.Messages;
using NightPos.Dispatch.Routing;
using NightPos.Dispatch.Usage;

namespace NightPos.Dispatch.Telemetry;

/// <summary>
/// The Dispatch module's own metrics (docs/operations.md, "Telemetry"): what the intake, the
/// delivery attempts and the daily quota did, recorded by the code that did it. Names, units
/// and attributes follow the OpenTelemetry semantic conventions; failure words are the API's.
/// </summary>
public sealed class DispatchMetrics
{
    public const string MeterName = "NightPos.Dispatch";

    private readonly Counter<long> _queued;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _deferred;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _routed;
    private readonly Gauge<int> _dailyUsed;

    public DispatchMetrics(IMeterFactory meters, IOptions<DailyLimitOptions> limit)
    {
        var meter = meters.Create(MeterName);
        _queued = meter.CreateCounter<long>("nightpos.messages.queued", "{message}",
            "Messages accepted by the send command and queued for delivery.");
        _sent = meter.CreateCounter<long>("nightpos.messages.sent", "{message}",
            "Delivery attempts an SMTP server accepted (SPEC R11).");
        _deferred = meter.CreateCounter<long>("nightpos.messages.deferred", "{message}",
            "Delivery attempts put off for a later try, by reason (error.type).");
        _failed = meter.CreateCounter<long>("nightpos.messages.failed", "{message}",
            "Deliveries that failed for good, by failure type (error.type).");
        _routed = meter.CreateCounter<long>("nightpos.routing.decisions", "{decision}",
            "Server choices made for queued or re-routed messages, by rule (SPEC R5-R7).");
        _dailyUsed = meter.CreateGauge<int>("nightpos.usage.daily", "{message}",
            "Messages the default server carried in the current UTC day (SPEC R10), recorded "
            + "each time the count changes.");
        meter.CreateObservableGauge("nightpos.usage.daily.limit", () => limit.Value.DailyLimit,
            "{message}", "The default server's daily limit (NightPos:DailyLimit).");
    }

    public void Queued(MailKind kind) =>
        _queued.Add(1, new KeyValuePair<string, object?>("nightpos.mail.kind", Kebab(kind)));

    public void Routed(RouteDecision route, MailKind kind) =>
        _routed.Add(
            1,
            new KeyValuePair<string, object?>("nightpos.routing.rule", Kebab(route.Rule)),
            new KeyValuePair<string, object?>("nightpos.mail.kind", Kebab(kind)));

    /// <summary>
    /// Counts what one delivery attempt decided, one event at a time; <paramref name="target"/>
    /// is null when no server could be found for the message.
    /// </summary>
    public void Delivered(SmtpTarget? target, IEnumerable<object> events)
    {
        var server = new KeyValuePair<string, object?>("server.address", target?.Host);
        foreach (var e in events)
        {
            switch (e)
            {
                case MessageDispatched:
                    _sent.Add(1, server);
                    break;
                case MessageDeferred deferred:
                    _deferred.Add(1, server, ErrorType(deferred.Reason));
                    break;
                case MessageFailed failed:
                    _failed.Add(1, server, ErrorType(failed.FailureType));
                    break;
            }
        }
    }

    /// <summary>The count of the current UTC day, as the quota's last statement left it.</summary>
    public void DailyUsage(int used) => _dailyUsed.Record(used);

    private static KeyValuePair<string, object?> ErrorType(string word) => new("error.type", word);

    private static string Kebab<T>(T value) where T : struct, Enum =>
        JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
