using Marten;
using Microsoft.Extensions.Logging;
using NightPos.Domains.Contracts;
using NightPos.Kernel.Mail;

namespace NightPos.Domains.AliasDomains;

/// <summary>
/// Remembers the local parts mail went out from at the installation's alias domains (SPEC
/// R15). Addresses of other domains, and local parts no provider could whitelist, are ignored.
/// </summary>
public static class SenderAddressUsedHandler
{
    public static async Task Handle(
        SenderAddressUsed message,
        IDocumentSession session,
        TimeProvider clock,
        ILogger<SenderAddressUsed> logger,
        CancellationToken cancellation)
    {
        var address = EmailAddress.Normalize(message.Address, out _);
        if (address is null)
        {
            return;
        }

        // Most messages come from addresses seen before: a read spares a write per message.
        if (await session.LoadAsync<SenderLocalPart>(address, cancellation) is not null)
        {
            return;
        }

        var domain = EmailAddress.DomainOf(address);
        var ours = await session.Query<AliasDomain>()
            .AnyAsync(d => d.Domain == domain, cancellation);
        if (!ours)
        {
            return;
        }

        session.Store(new SenderLocalPart(
            address, domain, EmailAddress.LocalPartOf(address), clock.GetUtcNow()));
        DomainsLog.SenderLocalPartRecorded(logger, domain);
    }
}
