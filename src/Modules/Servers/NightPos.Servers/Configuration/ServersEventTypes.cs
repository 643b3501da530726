namespace NightPos.Servers.Configuration;

/// <summary>The configuration events of the Servers module, those a rebuild folds.</summary>
public static class ServersEventTypes
{
    public static readonly Type[] ConfigurationChanges = typeof(IServersEvent).Assembly.GetTypes()
        .Where(t => t.IsClass && t.IsAssignableTo(typeof(IServersEvent)))
        .ToArray();
}
