using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NightPos.Servers.Configuration;
using NightPos.Servers.ConnectionTests;
using NightPos.Servers.Http;
using NightPos.Servers.Contracts;
using NightPos.Servers.MassMailing;
using NightPos.Servers.OutgoingServers;
using NightPos.Servers.Secrets;
using Wolverine;

namespace NightPos.Servers;

/// <summary>The Servers module's one entry point: the host calls it and knows nothing else of it.</summary>
public static class ServersModule
{
    public static IServiceCollection AddServersModule(this IServiceCollection services)
    {
        services.ConfigureWolverine(opts =>
            opts.Discovery.IncludeAssembly(typeof(ServersModule).Assembly));
        services.ConfigureMarten(opts =>
        {
            opts.Projections.Snapshot<OutgoingServer>(SnapshotLifecycle.Inline);
            opts.Projections.Snapshot<MassMailingSettings>(SnapshotLifecycle.Inline);
            opts.RegisterDocumentType<ServerDataKey>();
            opts.RegisterDocumentType<ServerSecret>();
            opts.Projections.Add(new ServersRevisionProjection(), ProjectionLifecycle.Inline);

            // Known from the start, not from the first append: a node that has not written a
            // server event yet (a fresh start, the history command) still lists them (R16).
            opts.Events.AddEventTypes(ServersEventTypes.ConfigurationChanges);
            opts.Storage.ExtendedSchemaObjects.Add(CreationOrder.Sequence(opts.DatabaseSchemaName));
        });

        services.AddOptions<ServersOptions>()
            .BindConfiguration(ServersOptions.Section)
            .Configure<IConfiguration>((options, configuration) =>
                options.DatabaseDomain = configuration["NightPos:DatabaseDomain"]
                    ?? ServersOptions.DefaultDatabaseDomain);
        services.AddOptions<DefaultServerOptions>().BindConfiguration(DefaultServerOptions.Section);
        services.AddOptions<SecretsOptions>().BindConfiguration(SecretsOptions.Section);

        services.AddSingleton<SecretCipher>();
        services.AddSingleton<SecretVault>();
        services.AddSingleton<MasterKeyRotation>();
        services.AddSingleton<IServerCredentials, ServerCredentials>();
        services.AddSingleton<SmtpConnectionProbe>();
        services.AddExceptionHandler<ServersExceptionHandler>();
        return services;
    }
}
