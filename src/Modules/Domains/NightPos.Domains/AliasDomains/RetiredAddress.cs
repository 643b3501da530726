using NightPos.Domains.Contracts;

namespace NightPos.Domains.AliasDomains;

/// <summary>
/// A bounce or catchall address an alias domain no longer uses, kept so that mail still sent
/// to it finds its domain (SPEC R4).
/// </summary>
public sealed record RetiredAddress(string Address, AddressRole Role, DateTimeOffset RetiredAt);
