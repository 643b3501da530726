using Marten;
using JasperFx.OpenTelemetry;
using NightPos.Dispatch.Telemetry;
using NightPos.Host.Configuration;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace NightPos.Host.Telemetry;

/// <summary>
/// OpenTelemetry for the host (docs/operations.md, ADR 0017): traces and metrics of ASP.NET Core,
/// Wolverine, Marten, Npgsql and the product's own meters, exported over OTLP when an endpoint
/// is configured. Without one nothing is registered, so an installation that collects nothing
/// pays nothing.
/// </summary>
public static class TelemetryRegistration
{
    public const string ServiceName = "nightpos-mail";

    /// <summary>The OTLP exporter's standard variable; it wins over the NightPos key.</summary>
    public const string StandardEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public const string EndpointKey = "NightPos:Telemetry:OtlpEndpoint";

    public const string ProtocolKey = "NightPos:Telemetry:OtlpProtocol";

    /// <summary>The names Wolverine and Marten publish their activities and meters under.</summary>
    public static readonly string[] Sources = ["Wolverine", "Marten"];

    public static string[] Meters(string wolverineServiceName) =>
        [$"Wolverine:{wolverineServiceName}", "Marten", DispatchMetrics.MeterName];

    public static IServiceCollection AddNightPosTelemetry(
        this IServiceCollection services,
        IConfiguration configuration,
        string wolverineServiceName)
    {
        var export = Exporter(configuration);
        if (export is null)
        {
            return services;
        }

        services.ConfigureMarten(opts =>
        {
            opts.OpenTelemetry.TrackConnections = TrackLevel.Normal;
            opts.OpenTelemetry.TrackEventCounters();
        });

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddNpgsql()
                .AddSource(Sources))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(Meters(wolverineServiceName)));

        // The standard variables configure the exporter completely (protocol, headers, ...);
        // the NightPos keys serve installations that keep all settings in one section.
        if (export.Value.Endpoint is { } endpoint)
        {
            telemetry.UseOtlpExporter(export.Value.Protocol, endpoint);
        }
        else
        {
            telemetry.UseOtlpExporter();
        }

        return services;
    }

    /// <summary>
    /// Where to export: null for nowhere; an endpoint of null for the standard variables.
    /// </summary>
    private static (Uri? Endpoint, OtlpExportProtocol Protocol)? Exporter(
        IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(configuration[StandardEndpoint]))
        {
            return (null, OtlpExportProtocol.Grpc);
        }

        var text = configuration[EndpointKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var endpoint)
            || endpoint.Scheme is not ("http" or "https"))
        {
            throw new HostConfigurationException(
                $"{EndpointKey} is not an http or https address: give the OTLP collector's "
                + "address, e.g. http://127.0.0.1:4317, or leave it out to export nothing.");
        }

        var protocol = configuration[ProtocolKey]?.Trim().ToLowerInvariant() switch
        {
            null or "" or "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            _ => throw new HostConfigurationException(
                $"{ProtocolKey} is neither grpc nor http/protobuf: leave it out for grpc."),
        };
        return (endpoint, protocol);
    }
}
