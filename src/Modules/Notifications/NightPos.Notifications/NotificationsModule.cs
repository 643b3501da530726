using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NightPos.Notifications.FanOut;
using NightPos.Notifications.Imap;
using NightPos.Notifications.Inbound;
using NightPos.Notifications.Inbox;
using NightPos.Notifications.Threads;
using Wolverine;

namespace NightPos.Notifications;

/// <summary>
/// The Notifications module's one entry point: the host calls it and knows nothing else of it.
/// </summary>
public static class NotificationsModule
{
    /// <param name="configuration">Read here, not later: the mailbox poller is a Wolverine
    /// agent, which exists only if registered before the host is built.</param>
    public static IServiceCollection AddNotificationsModule(
        this IServiceCollection services,
        IConfiguration configuration)
    {
        services.AddOptions<NotificationsOptions>()
            .BindConfiguration(NotificationsOptions.Section)
            .Validate(o => o.EmailBatchSize >= 1 && o.EmailParallelism >= 1,
                $"{NotificationsOptions.Section}:EmailBatchSize and :EmailParallelism must be "
                + "at least 1.")
            .ValidateOnStart();
        services.AddWolverineExtension<NotificationsWolverineExtension>();
        services.AddSingleton<FollowersCache>();
        services.AddOptions<ImapOptions>().BindConfiguration(ImapOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ImapOptions>, ImapOptionsValidator>();

        services.ConfigureWolverine(opts =>
            opts.Discovery.IncludeAssembly(typeof(NotificationsModule).Assembly));
        if (configuration.GetSection(ImapOptions.Section).Get<ImapOptions>() is { Enabled: true })
        {
            services.AddSingularAgent<CatchallMailboxAgent>();
        }

        services.ConfigureMarten(opts =>
        {
            opts.Projections.Add<MessageThreadProjection>(ProjectionLifecycle.Inline);
            opts.Projections.Add<ThreadFollowersProjection>(ProjectionLifecycle.Inline);
            opts.Schema.For<ThreadPost>().Index(p => p.ThreadId);
            opts.Schema.For<ThreadMessageId>();
            opts.Schema.For<NotificationEmail>().Index(n => n.ThreadId);
            opts.Storage.ExtendedSchemaObjects.Add(InboxTable.Define(opts.DatabaseSchemaName));
            opts.Schema.For<ReceivedMail>().Index(m => m.Outcome);
        });
        return services;
    }
}
