namespace NightPos.Domains.Contracts;

/// <summary>
/// Asks the Domains module for its whole configuration: as it stands when <see cref="At"/> is
/// null, or as it stood at that instant (SPEC R16), rebuilt from the events recorded up to it.
/// Invoked in-process (<c>IMessageBus.InvokeAsync&lt;DomainsConfiguration&gt;</c>); answered
/// from committed data, so a change whose request has returned is always included.
/// </summary>
public sealed record GetDomainsConfiguration(DateTimeOffset? At = null);

/// <summary>
/// Asks for <see cref="DomainsConfiguration.Revision"/> alone, so that a reader holding a copy
/// can tell cheaply whether it is still current. Answered with a <see cref="Guid"/>.
/// </summary>
public sealed record GetDomainsConfigurationRevision;

/// <summary>
/// The alias domains, companies and system parameters of the installation at one instant.
/// </summary>
/// <param name="DatabaseDomain">The database subdomain from the installation's configuration.</param>
/// <param name="AliasDomains">Every alias domain, ordered by sequence, then creation (SPEC R2).</param>
/// <param name="Companies">Every company, oldest first: the first is the default company.</param>
/// <param name="Parameters">System parameters by key, e.g. <see cref="ParameterKeys.DefaultFromFilter"/>.</param>
/// <param name="Revision">
/// Changes with every committed change of this configuration; readers compare revisions for
/// equality only: equal revisions mean the same configuration.
/// </param>
public sealed record DomainsConfiguration(
    string DatabaseDomain,
    IReadOnlyList<AliasDomainInfo> AliasDomains,
    IReadOnlyList<CompanyInfo> Companies,
    IReadOnlyDictionary<string, string> Parameters,
    Guid Revision);

/// <summary>
/// An alias domain (SPEC "Terms", R3): all names are stored validated and lower-case, the domain
/// in its ASCII (punycode) form.
/// </summary>
public sealed record AliasDomainInfo(
    Guid Id,
    string Domain,
    string BounceAlias,
    string CatchallAlias,
    string DefaultFrom,
    int Sequence,
    DateTimeOffset CreatedAt)
{
    public string BounceAddress => $"{BounceAlias}@{Domain}";

    public string CatchallAddress => $"{CatchallAlias}@{Domain}";

    /// <summary>True when the default-from alias is a whole address (SPEC R3).</summary>
    public bool DefaultFromIsWholeAddress => DefaultFrom.Contains('@');

    /// <summary>The notification address: the default-from alias at the domain, or the alias
    /// itself when it is a whole address.</summary>
    public string NotificationAddress =>
        DefaultFromIsWholeAddress ? DefaultFrom : $"{DefaultFrom}@{Domain}";
}

/// <summary>A company and the one alias domain it uses (SPEC R2).</summary>
public sealed record CompanyInfo(Guid Id, string Name, Guid AliasDomainId, DateTimeOffset CreatedAt);

/// <summary>The system parameters the product itself reads.</summary>
public static class ParameterKeys
{
    /// <summary>
    /// The FROM filter of the default server (SPEC R1, R5): consulted only while no outgoing
    /// server is active.
    /// </summary>
    public const string DefaultFromFilter = "mail.default.from_filter";
}
