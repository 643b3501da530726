using Marten;
using NightPos.Domains.Contracts;

namespace NightPos.Domains.Configuration;

/// <summary>
/// Answers <see cref="GetDomainsConfigurationRevision"/> with one primary-key read.
/// </summary>
public static class GetDomainsConfigurationRevisionHandler
{
    public static async Task<Guid> Handle(
        GetDomainsConfigurationRevision query,
        IQuerySession session,
        CancellationToken cancellation)
    {
        var marker = await session.LoadAsync<DomainsRevision>(DomainsRevision.Key, cancellation);
        return marker?.Revision ?? Guid.Empty;
    }
}
