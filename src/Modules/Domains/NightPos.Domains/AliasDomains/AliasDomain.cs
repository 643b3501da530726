using NightPos.Domains.Contracts;

namespace NightPos.Domains.AliasDomains;

/// <summary>
/// The current state of one alias domain stream, kept by <see cref="AliasDomainProjection"/>.
/// The transitions below are the only place the rules of SPEC R3 and R4 live: the inline
/// projection, the as-of replay and the answers of a change all run through them (ADR 0006).
/// </summary>
public sealed record AliasDomain(
    Guid Id,
    string Domain,
    string BounceAlias,
    string CatchallAlias,
    string DefaultFrom,
    int Sequence,
    DateTimeOffset CreatedAt,
    IReadOnlyList<RetiredAddress> RetiredAddresses)
{
    public const string DefaultBounceAlias = "bounce";
    public const string DefaultCatchallAlias = "catchall";
    public const string DefaultDefaultFrom = "notifications";
    public const int DefaultSequence = 10;

    public string BounceAddress => $"{BounceAlias}@{Domain}";

    public string CatchallAddress => $"{CatchallAlias}@{Domain}";

    /// <summary>
    /// The default-from alias at the domain, or the alias itself when it is a whole address
    /// (SPEC R3).
    /// </summary>
    public string NotificationAddress =>
        DefaultFrom.Contains('@') ? DefaultFrom : $"{DefaultFrom}@{Domain}";

    /// <summary>The addresses the domain's companies send and receive with.</summary>
    public IEnumerable<string> AddressesInUse() =>
        new[] { BounceAddress, CatchallAddress, NotificationAddress }.Distinct();

    public static AliasDomain Started(AliasDomainAdded added, DateTimeOffset at) =>
        new(
            added.AliasDomainId,
            added.Domain,
            added.BounceAlias,
            added.CatchallAlias,
            added.DefaultFrom,
            added.Sequence,
            at,
            []);

    /// <summary>The state after one change of the stream (every event but the first).</summary>
    public AliasDomain Changed(IDomainsEvent change, DateTimeOffset at) => change switch
    {
        AliasDomainRenamed renamed => InUse(this with { Domain = renamed.Domain }),
        BounceAliasChanged bounce => InUse(this with { BounceAlias = bounce.BounceAlias }),
        CatchallAliasChanged catchall =>
            InUse(this with { CatchallAlias = catchall.CatchallAlias }),
        DefaultFromChanged defaultFrom => this with { DefaultFrom = defaultFrom.DefaultFrom },
        AliasDomainResequenced resequenced => this with { Sequence = resequenced.Sequence },
        AliasAddressRetired retired => this with
        {
            RetiredAddresses =
            [
                .. RetiredAddresses.Where(r => r.Address != retired.Address),
                new RetiredAddress(retired.Address, retired.Role, at),
            ],
        },
        _ => this,
    };

    /// <summary>
    /// The bounce and catchall addresses of this state that <paramref name="next"/> no longer
    /// uses for either role (SPEC R4).
    /// </summary>
    public IEnumerable<AliasAddressRetired> RetiredBy(AliasDomain next)
    {
        string[] kept = [next.BounceAddress, next.CatchallAddress];
        if (!kept.Contains(BounceAddress))
        {
            yield return new AliasAddressRetired(Id, BounceAddress, AddressRole.Bounce);
        }

        if (!kept.Contains(CatchallAddress))
        {
            yield return new AliasAddressRetired(Id, CatchallAddress, AddressRole.Catchall);
        }
    }

    /// <summary>SPEC R2's order: lowest sequence first, ties broken by the oldest.</summary>
    public static IOrderedEnumerable<AliasDomain> InSequenceOrder(
        IEnumerable<AliasDomain> domains,
        CreationOrder creation) =>
        domains.OrderBy(d => d.Sequence).ThenBy(d => creation.Of(d.Id));

    /// <summary>
    /// The role of an address for this domain: current first, else retired (the latest
    /// retirement wins), else null.
    /// </summary>
    public (AddressRole Role, bool Retired)? RoleOf(string address)
    {
        if (address == BounceAddress)
        {
            return (AddressRole.Bounce, false);
        }

        if (address == CatchallAddress)
        {
            return (AddressRole.Catchall, false);
        }

        var retired = RetiredAddresses.LastOrDefault(r => r.Address == address);
        return retired is null ? null : (retired.Role, true);
    }

    // An address that comes back into use (a rename undone) is current again, never both.
    private static AliasDomain InUse(AliasDomain next) => next with
    {
        RetiredAddresses = next.RetiredAddresses
            .Where(r => r.Address != next.BounceAddress && r.Address != next.CatchallAddress)
            .ToList(),
    };
}
