using NightPos.Domains.AliasDomains;

namespace NightPos.Domains.Companies;

/// <summary>The alias domains a new company can be put on, and their creation order.</summary>
public sealed record AliasDomainChoice(IReadOnlyList<AliasDomain> Domains, CreationOrder Creation)
{
    /// <summary>
    /// SPEC R2: the alias domain with the lowest sequence, ties going to the oldest.
    /// </summary>
    public AliasDomain Default() => AliasDomain.InSequenceOrder(Domains, Creation).First();
}
