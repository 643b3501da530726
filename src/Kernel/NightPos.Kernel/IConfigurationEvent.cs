namespace NightPos.Kernel;

/// <summary>
/// Marks an event as a configuration change (SPEC R16): the auditors' history lists these and
/// only these, whichever module appended them. Implementers must never carry a secret.
/// </summary>
public interface IConfigurationEvent;
