using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace NightPos.Domains;

/// <summary>The Domains module's one entry point: the host calls it and knows nothing else of it.</summary>
public static class DomainsModule
{
    public static IServiceCollection AddDomainsModule(this IServiceCollection services)
    {
        services.ConfigureWolverine(opts =>
            opts.Discovery.IncludeAssembly(typeof(DomainsModule).Assembly));
        services.ConfigureMarten(opts => { });
        return services;
    }
}
