using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NightPos.Notifications.FanOut;
using NightPos.Notifications.Inbound;
using NightPos.Notifications.Inbox;
using NightPos.Notifications.Threads;
using Wolverine;

namespace NightPos.Notifications;

/// <summary>The Notifications module's one entry point: the host calls it and knows nothing else of it.</summary>
public static class NotificationsModule
{
    public static IServiceCollection AddNotificationsModule(this IServiceCollection services)
    {
        services.AddOptions<NotificationsOptions>().BindConfiguration(NotificationsOptions.Section);

        services.ConfigureWolverine(opts =>
            opts.Discovery.IncludeAssembly(typeof(NotificationsModule).Assembly));
        services.ConfigureMarten(opts =>
        {
            opts.Projections.Add<MessageThreadProjection>(ProjectionLifecycle.Inline);
            opts.Schema.For<ThreadPost>().Index(p => p.ThreadId);
            opts.Schema.For<ThreadMessageId>();
            opts.Schema.For<NotificationEmail>().Index(n => n.ThreadId);
            opts.Schema.For<InboxEntry>().Index(e => e.Email);
            opts.Schema.For<ReceivedMail>().Index(m => m.Outcome);
        });
        return services;
    }
}
