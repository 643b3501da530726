using NightPos.Kernel;

namespace NightPos.Domains;

/// <summary>
/// Marks the configuration events of this module, so that the module's revision changes with
/// them and with no other module's (ADR 0006).
/// </summary>
public interface IDomainsEvent : IConfigurationEvent;
