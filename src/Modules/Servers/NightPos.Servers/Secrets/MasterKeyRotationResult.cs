namespace NightPos.Servers.Secrets;

/// <summary>
/// What a master-key rotation did: the new key's fingerprint, the data keys it re-wrapped and
/// those it found already under the new key.
/// </summary>
public sealed record MasterKeyRotationResult(string NewMasterKeyId, int Rewrapped, int Skipped);
