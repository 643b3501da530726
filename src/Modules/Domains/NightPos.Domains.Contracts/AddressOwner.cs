namespace NightPos.Domains.Contracts;

/// <summary>
/// Asks which alias domain an address of the installation belongs to (SPEC R4): inbound mail
/// to a bounce or catchall address, current or retired, still finds its domain. Answered with an
/// <see cref="AddressOwner"/>, or null when the address was never one of ours.
/// </summary>
public sealed record FindAddressOwner(string Address);

/// <summary>The role an address plays for its alias domain.</summary>
public enum AddressRole
{
    Bounce,
    Catchall,
}

/// <summary>
/// The alias domain that owns an address, what the address is for, and whether it was retired
/// by a rename (mail to it is still routed as before).
/// </summary>
public sealed record AddressOwner(Guid AliasDomainId, string Address, AddressRole Role, bool Retired);
