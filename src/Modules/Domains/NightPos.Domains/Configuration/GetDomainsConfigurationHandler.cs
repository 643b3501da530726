using JasperFx.Events;
using Marten.Events;
using Marten;
using Microsoft.Extensions.Options;
using NightPos.Domains.AliasDomains;
using NightPos.Domains.Companies;
using NightPos.Domains.Contracts;
using NightPos.Domains.Parameters;

namespace NightPos.Domains.Configuration;

/// <summary>
/// Answers <see cref="GetDomainsConfiguration"/>: the current configuration from the inline
/// documents, or the one of a past instant rebuilt from the events up to it (ADR 0006).
/// </summary>
public static class GetDomainsConfigurationHandler
{
    public static async Task<DomainsConfiguration> Handle(
        GetDomainsConfiguration query,
        IQuerySession session,
        IOptions<DomainsOptions> options,
        CancellationToken cancellation)
    {
        var databaseDomain = options.Value.DatabaseDomain;
        return query.At is { } at
            ? await AsOfAsync(session, databaseDomain, at, cancellation)
            : await CurrentAsync(session, databaseDomain, cancellation);
    }

    private static async Task<DomainsConfiguration> CurrentAsync(
        IQuerySession session,
        string databaseDomain,
        CancellationToken cancellation)
    {
        // The revision is read before the documents (ADR 0006): a change committing between the
        // reads leaves newer documents under an older revision, which a reader only refreshes
        // once more, never the reverse, which it would keep for good.
        var batch = session.CreateBatchQuery();
        var revision = batch.Load<DomainsRevision>(DomainsRevision.Key);
        var domains = batch.Query<AliasDomain>().ToList();
        var companies = batch.Query<Company>().ToList();
        var parameters = batch.Query<Parameter>().ToList();
        await batch.Execute(cancellation);

        return Assemble(
            databaseDomain,
            await domains,
            await companies,
            await parameters,
            await CreationOrder.LoadAsync(session, cancellation),
            (await revision)?.Revision ?? Guid.Empty);
    }

    private static async Task<DomainsConfiguration> AsOfAsync(
        IQuerySession session,
        string databaseDomain,
        DateTimeOffset at,
        CancellationToken cancellation)
    {
        var types = AliasDomainProjection.EventTypes
            .Concat(CompanyProjection.EventTypes)
            .Concat(ParameterProjection.EventTypes)
            .ToArray();
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.EventTypesAre(types) && e.Timestamp <= at)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellation);

        return Assemble(
            databaseDomain,
            ConfigurationFold.Fold(
                new AliasDomainProjection(), AliasDomainProjection.EventTypes, events),
            ConfigurationFold.Fold(new CompanyProjection(), CompanyProjection.EventTypes, events),
            ConfigurationFold.Fold(
                new ParameterProjection(), ParameterProjection.EventTypes, events),
            CreationOrder.From(events),
            events.Count == 0 ? Guid.Empty : events[^1].Id);
    }

    private static DomainsConfiguration Assemble(
        string databaseDomain,
        IEnumerable<AliasDomain> domains,
        IEnumerable<Company> companies,
        IEnumerable<Parameter> parameters,
        CreationOrder creation,
        Guid revision) =>
        new(
            databaseDomain,
            AliasDomain.InSequenceOrder(domains, creation)
                .Select(d => new AliasDomainInfo(
                    d.Id,
                    d.Domain,
                    d.BounceAlias,
                    d.CatchallAlias,
                    d.DefaultFrom,
                    d.Sequence,
                    d.CreatedAt))
                .ToList(),
            companies.OrderBy(c => creation.Of(c.Id))
                .Select(c => new CompanyInfo(c.Id, c.Name, c.AliasDomainId, c.CreatedAt))
                .ToList(),
            parameters.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            revision);
}
