namespace NightPos.Servers.Secrets;

/// <summary>
/// Stored credentials exist but cannot be decrypted: a permanent failure until an administrator
/// restores the right master key or enters the credentials again. Never carries the secret.
/// </summary>
public sealed class SecretUnavailableException(string message) : Exception(message);
