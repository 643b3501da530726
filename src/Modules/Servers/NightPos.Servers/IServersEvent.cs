using NightPos.Kernel;

namespace NightPos.Servers;

/// <summary>
/// Marks the configuration events of this module, so that the module's revision changes with
/// them and with no other module's, nor with a connection test (ADR 0006).
/// </summary>
public interface IServersEvent : IConfigurationEvent;
