using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NightPos.Dispatch.Contracts;
using NightPos.Dispatch.Delivery;
using NightPos.Dispatch.Messages;
using NightPos.Dispatch.Routing;
using NightPos.Dispatch.Sending;
using NightPos.Dispatch.Telemetry;
using NightPos.Dispatch.Usage;
using NightPos.Servers.Contracts;
using Wolverine;

namespace NightPos.Dispatch;

/// <summary>
/// The Dispatch module's one entry point: the host calls it and knows nothing else of it.
/// </summary>
public static class DispatchModule
{
    public static IServiceCollection AddDispatchModule(this IServiceCollection services)
    {
        services.ConfigureWolverine(opts =>
            opts.Discovery.IncludeAssembly(typeof(DispatchModule).Assembly));
        services.ConfigureMarten(opts =>
        {
            // Inline: the send answer, the message lookup and the next delivery attempt all
            // read the state the last transaction wrote (ADR 0011).
            opts.Projections.Snapshot<Message>(SnapshotLifecycle.Inline);
            opts.Schema.For<MessageContent>();
            opts.Storage.ExtendedSchemaObjects.Add(DailyQuota.Definition(opts.DatabaseSchemaName));
        });

        AddRouting(services);

        AddDelivery(services);

        // Registered after Wolverine's runtime: started after it and stopped before it, so
        // that the last queued commands still reach its outbox.
        services.AddSingleton<IntakeWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<IntakeWriter>());
        return services;
    }

    private static void AddRouting(IServiceCollection services)
    {
        services.AddOptions<RoutingOptions>()
            .BindConfiguration(RoutingOptions.Section)
            .Validate(
                o => o.RevisionCheckInterval >= TimeSpan.Zero,
                "NightPos:Routing:RevisionCheckInterval cannot be negative.")
            .ValidateOnStart();

        // One compiled routing table per process (ADR 0010); the router lives per scope, since
        // it asks the other modules through that scope's message bus. Every session of the
        // process reports its configuration commits to the table (ADR 0020).
        services.AddSingleton<RoutingTableCache>();
        services.AddSingleton<SenderAddressLedger>();
        services.AddScoped<IRouter, Router>();
        services.ConfigureMarten((provider, opts) => opts.Listeners.Add(
            new ConfigurationCommitListener(provider.GetRequiredService<RoutingTableCache>())));
    }

    private static void AddDelivery(IServiceCollection services)
    {
        services.AddOptions<MailDeliveryOptions>()
            .BindConfiguration(MailDeliveryOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<
            IValidateOptions<MailDeliveryOptions>, MailDeliveryOptionsValidator>();
        services.AddOptions<DailyLimitOptions>()
            .BindConfiguration(DailyLimitOptions.Section)
            .Validate(o => o.DailyLimit >= 0, "NightPos:DailyLimit cannot be negative.")
            .ValidateOnStart();
        services.AddOptions<DefaultServerOptions>().BindConfiguration(DefaultServerOptions.Section);

        services.AddSingleton<DeliverySettings>();
        services.AddSingleton<CertificateValidator>();
        services.AddSingleton<IServerCertificateTrust>(
            provider => provider.GetRequiredService<CertificateValidator>());
        services.AddSingleton<SmtpConnectionPool>();
        services.AddSingleton<SmtpSender>();
        services.AddSingleton<ServerDirectory>();
        services.AddSingleton<DispatchMetrics>();
        services.AddSingleton<DailyQuota>();
        services.AddSingleton<MessageDelivery>();
        services.AddWolverineExtension<DispatchWolverineExtension>();
    }
}
