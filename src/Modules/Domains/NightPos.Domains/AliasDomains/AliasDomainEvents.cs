using NightPos.Domains.Contracts;

namespace NightPos.Domains.AliasDomains;

// The alias domain stream (SPEC "Terms", R3, R4). Every name is recorded validated and
// lower-case, the domain in its ASCII (punycode) form. Changes carry the value they replace so
// that the history alone tells an auditor what stopped being used.

public sealed record AliasDomainAdded(
    Guid AliasDomainId,
    string Domain,
    string BounceAlias,
    string CatchallAlias,
    string DefaultFrom,
    int Sequence) : IDomainsEvent;

public sealed record AliasDomainRenamed(Guid AliasDomainId, string PreviousDomain, string Domain)
    : IDomainsEvent;

public sealed record BounceAliasChanged(
    Guid AliasDomainId,
    string PreviousBounceAlias,
    string BounceAlias) : IDomainsEvent;

public sealed record CatchallAliasChanged(
    Guid AliasDomainId,
    string PreviousCatchallAlias,
    string CatchallAlias) : IDomainsEvent;

public sealed record DefaultFromChanged(
    Guid AliasDomainId,
    string PreviousDefaultFrom,
    string DefaultFrom) : IDomainsEvent;

public sealed record AliasDomainResequenced(Guid AliasDomainId, int PreviousSequence, int Sequence)
    : IDomainsEvent;

/// <summary>
/// A bounce or catchall address the alias domain stops using (SPEC R4), recorded after the
/// name changes of the same request, so that only addresses that were really in use retire:
/// renaming the domain and its catchall alias at once never retires the new domain's old alias.
/// </summary>
public sealed record AliasAddressRetired(Guid AliasDomainId, string Address, AddressRole Role)
    : IDomainsEvent;
