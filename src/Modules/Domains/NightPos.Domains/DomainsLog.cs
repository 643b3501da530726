using Microsoft.Extensions.Logging;

namespace NightPos.Domains;

/// <summary>
/// The Domains module's log lines (event ids 2000-2099): ids and domains, never addresses.
/// </summary>
internal static partial class DomainsLog
{
    [LoggerMessage(2000, LogLevel.Information,
        "Created the default configuration: company, alias domain {Domain}, default FROM filter")]
    public static partial void DefaultsCreated(ILogger logger, string domain);

    [LoggerMessage(2001, LogLevel.Debug, "The default configuration is present")]
    public static partial void DefaultsPresent(ILogger logger);

    [LoggerMessage(2002, LogLevel.Information,
        "Another host created the default configuration at the same time; kept its copy")]
    public static partial void DefaultsCreatedElsewhere(ILogger logger);

    [LoggerMessage(2010, LogLevel.Information, "Added alias domain {AliasDomainId} for {Domain}")]
    public static partial void AliasDomainAdded(ILogger logger, Guid aliasDomainId, string domain);

    [LoggerMessage(2011, LogLevel.Information,
        "Changed alias domain {AliasDomainId} ({Domain}): {EventCount} event(s), "
        + "{RetiredCount} address(es) retired")]
    public static partial void AliasDomainChanged(
        ILogger logger,
        Guid aliasDomainId,
        string domain,
        int eventCount,
        int retiredCount);

    [LoggerMessage(2020, LogLevel.Information,
        "Added company {CompanyId} on alias domain {AliasDomainId}")]
    public static partial void CompanyAdded(ILogger logger, Guid companyId, Guid aliasDomainId);

    [LoggerMessage(2021, LogLevel.Information,
        "Assigned company {CompanyId} to alias domain {AliasDomainId}")]
    public static partial void CompanyAssigned(ILogger logger, Guid companyId, Guid aliasDomainId);

    [LoggerMessage(2030, LogLevel.Information, "Set system parameter {Key}")]
    public static partial void ParameterSet(ILogger logger, string key);

    [LoggerMessage(2040, LogLevel.Debug, "Recorded a new sender local part for {Domain}")]
    public static partial void SenderLocalPartRecorded(ILogger logger, string domain);
}
