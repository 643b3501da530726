using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace NightPos.Servers;

/// <summary>The Servers module's one entry point: the host calls it and knows nothing else of it.</summary>
public static class ServersModule
{
    public static IServiceCollection AddServersModule(this IServiceCollection services)
    {
        services.ConfigureWolverine(opts =>
            opts.Discovery.IncludeAssembly(typeof(ServersModule).Assembly));
        services.ConfigureMarten(opts => { });
        return services;
    }
}
