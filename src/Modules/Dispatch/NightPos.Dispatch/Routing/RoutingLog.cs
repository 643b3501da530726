using Microsoft.Extensions.Logging;
using NightPos.Dispatch.Contracts;

namespace NightPos.Dispatch.Routing;

/// <summary>Routing's log lines: ids and rules only, never addresses (STYLE.md, logging).</summary>
internal static partial class RoutingLog
{
    [LoggerMessage(
        EventId = 4101,
        EventName = "Routed",
        Level = LogLevel.Debug,
        Message = "Routed mail of company {CompanyId} ({Kind}) by rule {Rule} to server "
            + "{ServerId} (as of {At})")]
    public static partial void Routed(
        ILogger logger,
        RoutingRule rule,
        Guid? serverId,
        Guid? companyId,
        MailKind kind,
        DateTimeOffset? at);

    [LoggerMessage(
        EventId = 4102,
        EventName = "FirstServerUsed",
        Level = LogLevel.Warning,
        Message = "No FROM filter allows the sender of company {CompanyId}: mail goes to the "
            + "first server {ServerId}, which may refuse the sender (SPEC R5 step 4)")]
    public static partial void FirstServerUsed(ILogger logger, Guid? serverId, Guid? companyId);

    [LoggerMessage(
        EventId = 4103,
        EventName = "RoutingTableCompiled",
        Level = LogLevel.Information,
        Message = "Compiled the routing table for domains revision {DomainsRevision} and servers "
            + "revision {ServersRevision}: {ServerCount} servers")]
    public static partial void TableCompiled(
        ILogger logger,
        Guid domainsRevision,
        Guid serversRevision,
        int serverCount);
}
