using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NightPos.Testing;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NightPos.Host.Tests;

/// <summary>
/// OpenTelemetry is exported over OTLP when an endpoint is configured, and not even registered
/// when none is (ADR 0017).
/// </summary>
public sealed class TelemetryTests(NightPosApp app)
{
    [Fact]
    public void Host_registers_no_telemetry_without_an_OTLP_endpoint()
    {
        Assert.Null(app.Host.Services.GetService<TracerProvider>());
        Assert.Null(app.Host.Services.GetService<MeterProvider>());
    }

    [Theory]
    [InlineData("NightPos:Telemetry:OtlpEndpoint")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT")]
    public async Task Host_exports_traces_and_metrics_when_an_OTLP_endpoint_is_configured(
        string key)
    {
        await using var exporting = await NightPosApp.StartOnAsync(app.ConnectionString,
            builder => builder.UseSetting(key, "http://127.0.0.1:4317"));

        Assert.NotNull(exporting.Host.Services.GetService<TracerProvider>());
        Assert.NotNull(exporting.Host.Services.GetService<MeterProvider>());
    }

    [Theory]
    [InlineData("NightPos__Telemetry__OtlpEndpoint", "collector:4317",
        "NightPos:Telemetry:OtlpEndpoint is not an http or https address")]
    [InlineData("NightPos__Telemetry__OtlpProtocol", "udp",
        "NightPos:Telemetry:OtlpProtocol is neither grpc nor http/protobuf")]
    public async Task Host_exits_non_zero_on_a_malformed_telemetry_setting(
        string variable,
        string value,
        string message)
    {
        var environment = new Dictionary<string, string>
        {
            ["NIGHTPOS_POSTGRES"] = "Host=127.0.0.1;Port=1;Database=nightpos;Timeout=3",
            ["NightPos__Telemetry__OtlpEndpoint"] = "http://127.0.0.1:4317",
            [variable] = value,
        };

        var (exitCode, output, error) = await HostProcess.RunAsync(environment);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, HostProcess.Joined(output + error));
    }
}
