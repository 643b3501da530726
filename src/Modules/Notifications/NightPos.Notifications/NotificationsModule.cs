using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace NightPos.Notifications;

/// <summary>The Notifications module's one entry point: the host calls it and knows nothing else of it.</summary>
public static class NotificationsModule
{
    public static IServiceCollection AddNotificationsModule(this IServiceCollection services)
    {
        services.ConfigureWolverine(opts =>
            opts.Discovery.IncludeAssembly(typeof(NotificationsModule).Assembly));
        services.ConfigureMarten(opts => { });
        return services;
    }
}
