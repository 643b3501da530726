using Marten;
using Microsoft.Extensions.DependencyInjection;
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
        return services;
    }
}
