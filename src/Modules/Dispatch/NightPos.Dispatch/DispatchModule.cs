using Marten;
using Microsoft.Extensions.DependencyInjection;
using NightPos.Dispatch.Routing;
using Wolverine;

namespace NightPos.Dispatch;

/// <summary>The Dispatch module's one entry point: the host calls it and knows nothing else of it.</summary>
public static class DispatchModule
{
    public static IServiceCollection AddDispatchModule(this IServiceCollection services)
    {
        services.ConfigureWolverine(opts =>
            opts.Discovery.IncludeAssembly(typeof(DispatchModule).Assembly));
        services.ConfigureMarten(opts => { });

        // One compiled routing table per process (ADR 0010); the router lives per scope, since
        // it asks the other modules through that scope's message bus.
        services.AddSingleton<RoutingTableCache>();
        services.AddScoped<IRouter, Router>();
        return services;
    }
}
