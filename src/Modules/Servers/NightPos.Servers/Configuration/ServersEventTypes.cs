using NightPos.Kernel;
using NightPos.Servers.MassMailing;
using NightPos.Servers.OutgoingServers;

namespace NightPos.Servers.Configuration;

/// <summary>The configuration events of the Servers module: the ones that change its revision.</summary>
public static class ServersEventTypes
{
    public static readonly Type[] ConfigurationChanges =
    [
        typeof(OutgoingServerAdded),
        typeof(ServerRenamed),
        typeof(ServerPrioritized),
        typeof(ServerFromFilterChanged),
        typeof(ServerConnectionChanged),
        typeof(ServerCredentialsRotated),
        typeof(ServerArchived),
        typeof(ServerReactivated),
        typeof(ServerDeleted),
        typeof(DedicatedMassMailingServerSelected),
    ];

    public static bool IsConfigurationChange(Type eventType) =>
        Array.IndexOf(ConfigurationChanges, eventType) >= 0;
}
