using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NightPos.Servers.Contracts;

namespace NightPos.Servers.Secrets;

/// <summary>
/// Envelope encryption of server credentials (ADR 0008): each secret is sealed with AES-256-GCM
/// under a fresh random data key, and the data key is sealed under the master key. Plaintext
/// buffers are wiped as soon as they are no longer needed.
/// </summary>
public sealed class SecretCipher
{
    private const int KeySize = MasterKey.Length;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    // Read at first use, not at construction: the endpoints are built before the host validates
    // its options, and the host's own check (SecretsOptionsValidator) says what is wrong.
    private readonly Lazy<(byte[] Key, string Id)> _master;

    public SecretCipher(IOptions<SecretsOptions> options) =>
        _master = new(() =>
        {
            var key = MasterKey.Parse(options.Value.MasterKey)
                ?? throw new InvalidOperationException(
                    "NightPos:Secrets:MasterKey is missing or not the base64 of 32 bytes.");

            return (key, Fingerprint(key));
        });

    public string MasterKeyId => _master.Value.Id;

    /// <summary>
    /// A master key's id: a fingerprint, not the key. It tells which master key wrapped a data
    /// key, so that a host started with another key says so instead of failing to decrypt.
    /// </summary>
    public static string Fingerprint(byte[] masterKey) =>
        Convert.ToHexStringLower(SHA256.HashData(masterKey))[..16];

    private byte[] Master => _master.Value.Key;

    public (ServerDataKey Key, ServerSecret Secret) Seal(
        Guid serverId,
        ServerSecrets secrets,
        DateTimeOffset now)
    {
        var keyId = Guid.NewGuid();
        var dataKey = RandomNumberGenerator.GetBytes(KeySize);
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(
            new Payload(secrets.Password, secrets.CertificatePem, secrets.PrivateKeyPem));
        try
        {
            var key = new ServerDataKey
            {
                Id = keyId,
                ServerId = serverId,
                MasterKeyId = MasterKeyId,
                WrappedKey = Encrypt(Master, dataKey, KeyAssociatedData(serverId, keyId)),
                CreatedAt = now,
            };
            var secret = new ServerSecret
            {
                Id = serverId,
                KeyId = keyId,
                Ciphertext = Encrypt(dataKey, plaintext, SecretAssociatedData(serverId, keyId)),
            };
            return (key, secret);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>
    /// The same data key wrapped under <paramref name="newMasterKey"/> instead of the current
    /// master key (ADR 0008, ADR 0017): the secret it protects is not touched.
    /// </summary>
    /// <exception cref="SecretUnavailableException">
    /// The data key was not wrapped by the current master key, or its row was altered.
    /// </exception>
    public ServerDataKey Rewrap(ServerDataKey key, byte[] newMasterKey)
    {
        if (key.MasterKeyId != MasterKeyId)
        {
            throw new SecretUnavailableException(
                $"The data key {key.Id} of server {key.ServerId} is wrapped by master key "
                + $"{key.MasterKeyId}, not by the configured one ({MasterKeyId}).");
        }

        var associatedData = KeyAssociatedData(key.ServerId, key.Id);
        var dataKey = Decrypt(Master, key.WrappedKey, associatedData);
        try
        {
            return new ServerDataKey
            {
                Id = key.Id,
                ServerId = key.ServerId,
                MasterKeyId = Fingerprint(newMasterKey),
                WrappedKey = Encrypt(newMasterKey, dataKey, associatedData),
                CreatedAt = key.CreatedAt,
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <exception cref="SecretUnavailableException">
    /// The data key was wrapped by another master key, or a row was altered or swapped.
    /// </exception>
    public ServerSecrets Open(ServerDataKey key, ServerSecret secret)
    {
        if (key.MasterKeyId != MasterKeyId)
        {
            throw new SecretUnavailableException(
                $"The credentials of server {secret.Id} were stored under master key "
                + $"{key.MasterKeyId}, but NightPos:Secrets:MasterKey is {MasterKeyId}: start the "
                + "host with the master key they were stored under, or enter them again.");
        }

        var dataKey = Decrypt(Master, key.WrappedKey, KeyAssociatedData(secret.Id, key.Id));
        byte[]? plaintext = null;
        try
        {
            plaintext = Decrypt(
                dataKey, secret.Ciphertext, SecretAssociatedData(secret.Id, key.Id));
            var payload = JsonSerializer.Deserialize<Payload>(plaintext)
                ?? throw new SecretUnavailableException(
                    $"Server {secret.Id} has empty credentials.");
            return new ServerSecrets(
                payload.Password, payload.CertificatePem, payload.PrivateKeyPem);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
            if (plaintext is not null)
            {
                CryptographicOperations.ZeroMemory(plaintext);
            }
        }
    }

    private static byte[] Encrypt(byte[] key, byte[] plaintext, byte[] associatedData)
    {
        var sealedBytes = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);

        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(
            nonce,
            plaintext,
            sealedBytes.AsSpan(NonceSize, plaintext.Length),
            sealedBytes.AsSpan(NonceSize + plaintext.Length),
            associatedData);
        return sealedBytes;
    }

    private static byte[] Decrypt(byte[] key, byte[] sealedBytes, byte[] associatedData)
    {
        var length = sealedBytes.Length - NonceSize - TagSize;
        if (length < 0)
        {
            throw new SecretUnavailableException("A stored secret is truncated.");
        }

        var plaintext = new byte[length];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(
                sealedBytes.AsSpan(0, NonceSize),
                sealedBytes.AsSpan(NonceSize, length),
                sealedBytes.AsSpan(NonceSize + length),
                plaintext,
                associatedData);
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new SecretUnavailableException(
                "A stored secret does not match its key: the row was altered or moved.");
        }
    }

    private static byte[] KeyAssociatedData(Guid serverId, Guid keyId) =>
        [.. "key"u8, .. serverId.ToByteArray(), .. keyId.ToByteArray()];

    private static byte[] SecretAssociatedData(Guid serverId, Guid keyId) =>
        [.. "secret"u8, .. serverId.ToByteArray(), .. keyId.ToByteArray()];

    private sealed record Payload(string? Password, string? CertificatePem, string? PrivateKeyPem);
}
