using Marten;
using NightPos.Domains.Contracts;
using NightPos.Kernel.Mail;

namespace NightPos.Domains.AliasDomains;

/// <summary>
/// Answers which alias domain owns a bounce or catchall address, current or retired (SPEC R4),
/// from the alias domain documents: together they are the address book.
/// </summary>
public static class FindAddressOwnerHandler
{
    public static async Task<AddressOwner?> Handle(
        FindAddressOwner query,
        IQuerySession session,
        CancellationToken cancellation)
    {
        var address = EmailAddress.ToComparable(query.Address?.Trim());
        if (address is null)
        {
            return null;
        }

        var candidates = await session.Query<AliasDomain>()
            .Where(d => d.BounceAddress == address
                || d.CatchallAddress == address
                || d.RetiredAddresses.Any(r => r.Address == address))
            .ToListAsync(cancellation);

        return Owner(address, candidates);
    }

    /// <summary>
    /// A current owner wins over one that retired the address: a domain name given up by one
    /// alias domain may be taken by another, and mail then belongs to the new one. Among
    /// retirements the latest wins.
    /// </summary>
    public static AddressOwner? Owner(string address, IEnumerable<AliasDomain> candidates)
    {
        var owners = candidates
            .Select(d => (Domain: d, Role: d.RoleOf(address)))
            .Where(c => c.Role is not null)
            .OrderBy(c => c.Role!.Value.Retired)
            .ThenByDescending(c => c.Domain.RetiredAddresses
                .Where(r => r.Address == address)
                .Select(r => r.RetiredAt)
                .DefaultIfEmpty()
                .Max())
            .ToList();

        if (owners.Count == 0)
        {
            return null;
        }

        var (owner, role) = owners[0];
        return new AddressOwner(owner.Id, address, role!.Value.Role, role.Value.Retired);
    }
}
