using JasperFx.Events.Projections;
using Marten;
using Marten.Schema;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NightPos.Domains.AliasDomains;
using NightPos.Domains.Bootstrap;
using NightPos.Domains.Companies;
using NightPos.Domains.Configuration;
using NightPos.Domains.Http;
using NightPos.Domains.Parameters;
using NightPos.Kernel.Http;
using Wolverine;

namespace NightPos.Domains;

/// <summary>
/// The Domains module's one entry point: the host calls it and knows nothing else of it.
/// </summary>
public static class DomainsModule
{
    /// <summary>
    /// The unique index behind SPEC R3's "two alias domains cannot share a domain name": the
    /// check before a change gives the friendly answer, this index settles a race.
    /// </summary>
    public const string DomainIndexName = "mt_doc_aliasdomain_uidx_domain";

    public static IServiceCollection AddDomainsModule(this IServiceCollection services)
    {
        services.AddOptions<DomainsOptions>()
            .BindConfiguration(DomainsOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<DomainsOptions>, DomainsOptionsSetup>();
        services.AddSingleton<IValidateOptions<DomainsOptions>, DomainsOptionsSetup>();

        services.ConfigureWolverine(opts =>
            opts.Discovery.IncludeAssembly(typeof(DomainsModule).Assembly));
        services.ConfigureMarten(opts =>
        {
            opts.Events.AddEventTypes(AliasDomainProjection.EventTypes
                .Concat(CompanyProjection.EventTypes)
                .Concat(ParameterProjection.EventTypes));
            opts.Projections.Add(new AliasDomainProjection(), ProjectionLifecycle.Inline);
            opts.Projections.Add(new CompanyProjection(), ProjectionLifecycle.Inline);
            opts.Projections.Add(new ParameterProjection(), ProjectionLifecycle.Inline);
            opts.Projections.Add(new DomainsRevisionProjection(), ProjectionLifecycle.Inline);

            opts.Schema.For<AliasDomain>()
                .UniqueIndex(UniqueIndexType.Computed, DomainIndexName, d => d.Domain);
            opts.Schema.For<SenderLocalPart>().Index(s => s.Domain);
        });

        services.AddHostedService<DomainsBootstrap>();
        services.AddExceptionHandler<DomainsExceptionHandler>();
        return services;
    }
}
