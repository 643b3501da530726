using NightPos.Domains.AliasDomains;
using NightPos.Domains.Companies;
using NightPos.Domains.Contracts;
using NightPos.Domains.Parameters;

namespace NightPos.Domains.Bootstrap;

/// <summary>
/// What a new database starts with (SPEC R1), as the events of three streams whose ids every
/// host derives alike (ADR 0007).
/// </summary>
internal static class DefaultConfiguration
{
    public static IReadOnlyList<(Guid StreamId, Type AggregateType, IDomainsEvent Event)> Events(
        DomainsOptions options) =>
    [
        (StreamIds.DefaultAliasDomain, typeof(AliasDomain), new AliasDomainAdded(
            StreamIds.DefaultAliasDomain,
            options.DatabaseDomain,
            AliasDomain.DefaultBounceAlias,
            AliasDomain.DefaultCatchallAlias,
            AliasDomain.DefaultDefaultFrom,
            AliasDomain.DefaultSequence)),
        (StreamIds.DefaultCompany, typeof(Company), new CompanyAdded(
            StreamIds.DefaultCompany,
            options.CompanyName,
            StreamIds.DefaultAliasDomain)),
        (StreamIds.Parameter(ParameterKeys.DefaultFromFilter), typeof(Parameter), new ParameterSet(
            ParameterKeys.DefaultFromFilter,
            options.DatabaseDomain)),
    ];
}
