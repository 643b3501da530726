namespace NightPos.Host.Configuration;

/// <summary>A setting the host cannot start without is missing or wrong.</summary>
public sealed class HostConfigurationException(string message) : Exception(message);
