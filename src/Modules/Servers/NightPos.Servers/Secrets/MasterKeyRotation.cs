using Marten;

namespace NightPos.Servers.Secrets;

/// <summary>
/// Re-wraps every server's data key under a new master key (ADR 0008, ADR 0017), in one
/// transaction: either every key moves or none does. The secrets themselves are not touched,
/// and a key already under the new master key is left as it is, so a run that is repeated,
/// after a crash or by mistake, finishes the work instead of failing.
/// </summary>
public sealed class MasterKeyRotation(IDocumentStore store, SecretCipher cipher)
{
    // One class of PostgreSQL advisory lock for the whole installation: two rotations at once
    // would each read the keys the other is about to replace.
    private const long RotationLock = 0x4E50_4D4B_0001;

    /// <exception cref="SecretUnavailableException">
    /// A data key is wrapped neither by the current nor by the new master key: nothing changed.
    /// </exception>
    public async Task<MasterKeyRotationResult> RotateAsync(
        byte[] newMasterKey,
        IProgress<(int Done, int Total)>? progress,
        CancellationToken cancellation)
    {
        var newId = SecretCipher.Fingerprint(newMasterKey);
        if (newId == cipher.MasterKeyId)
        {
            throw new ArgumentException(
                "The new master key is the configured one: generate a new key, e.g. with "
                + "openssl rand -base64 32.", nameof(newMasterKey));
        }

        await using var session = store.LightweightSession();
        await session.BeginTransactionAsync(cancellation);
        await session.AdvancedSql.QueryAsync<int>(
            "select 1 from pg_advisory_xact_lock(?)", cancellation, RotationLock);

        var keys = await session.Query<ServerDataKey>().ToListAsync(cancellation);
        var stale = keys.Where(k => k.MasterKeyId != newId).ToList();
        var done = 0;
        foreach (var key in stale)
        {
            session.Store(cipher.Rewrap(key, newMasterKey));
            progress?.Report((++done, stale.Count));
        }

        await session.SaveChangesAsync(cancellation);
        return new MasterKeyRotationResult(newId, stale.Count, keys.Count - stale.Count);
    }
}
