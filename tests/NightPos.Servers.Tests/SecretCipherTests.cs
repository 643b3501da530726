using Microsoft.Extensions.Options;
using NightPos.Servers.Contracts;
using NightPos.Servers.Secrets;
using NightPos.Testing;

namespace NightPos.Servers.Tests;

/// <summary>The envelope encryption itself (ADR 0008), without a host.</summary>
public sealed class SecretCipherTests
{
    private static readonly ServerSecrets Secrets = new("pass-word", "CERT", "KEY");
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    [Fact]
    public void Sealed_secrets_open_with_the_same_master_key()
    {
        var cipher = Cipher(TestKeys.MasterKey);
        var serverId = Guid.NewGuid();

        var (key, secret) = cipher.Seal(serverId, Secrets, Now);

        Assert.Equal(Secrets, cipher.Open(key, secret));
        Assert.Equal(serverId, key.ServerId);
        Assert.Equal(key.Id, secret.KeyId);
    }

    [Fact]
    public void Sealing_twice_gives_other_keys_and_other_bytes()
    {
        var cipher = Cipher(TestKeys.MasterKey);
        var serverId = Guid.NewGuid();

        var (firstKey, first) = cipher.Seal(serverId, Secrets, Now);
        var (secondKey, second) = cipher.Seal(serverId, Secrets, Now);

        Assert.NotEqual(firstKey.Id, secondKey.Id);
        Assert.NotEqual(firstKey.WrappedKey, secondKey.WrappedKey);
        Assert.NotEqual(first.Ciphertext, second.Ciphertext);
    }

    [Fact]
    public void Rewrapped_data_key_opens_the_same_secret_under_the_new_master_key_only()
    {
        var current = Cipher(TestKeys.MasterKey);
        var newKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        var next = Cipher(Convert.ToBase64String(newKey));
        var (key, secret) = current.Seal(Guid.NewGuid(), Secrets, Now);

        var rewrapped = current.Rewrap(key, newKey);

        Assert.Equal((key.Id, key.ServerId, key.CreatedAt),
            (rewrapped.Id, rewrapped.ServerId, rewrapped.CreatedAt));
        Assert.Equal(next.MasterKeyId, rewrapped.MasterKeyId);
        Assert.Equal(Secrets, next.Open(rewrapped, secret));
        Assert.Throws<SecretUnavailableException>(() => current.Open(rewrapped, secret));
    }

    [Fact]
    public void Rewrap_refuses_a_data_key_the_current_master_key_did_not_wrap()
    {
        var (key, _) = Cipher(TestKeys.MasterKey).Seal(Guid.NewGuid(), Secrets, Now);
        var other = Cipher(Convert.ToBase64String(new byte[32]));

        var refusal = Assert.Throws<SecretUnavailableException>(
            () => other.Rewrap(key, new byte[32]));

        Assert.Contains(key.MasterKeyId, refusal.Message);
    }

    [Fact]
    public void Rewrap_refuses_a_data_key_whose_row_was_moved_to_another_server()
    {
        var cipher = Cipher(TestKeys.MasterKey);
        var (key, _) = cipher.Seal(Guid.NewGuid(), Secrets, Now);
        key.ServerId = Guid.NewGuid();

        Assert.Throws<SecretUnavailableException>(() => cipher.Rewrap(key, new byte[32]));
    }

    [Fact]
    public void Another_master_key_is_named_instead_of_failing_to_decrypt()
    {
        var (key, secret) = Cipher(TestKeys.MasterKey).Seal(Guid.NewGuid(), Secrets, Now);
        var other = Cipher(Convert.ToBase64String(new byte[32]));

        var refusal = Assert.Throws<SecretUnavailableException>(() => other.Open(key, secret));

        Assert.Contains(key.MasterKeyId, refusal.Message);
        Assert.Contains(other.MasterKeyId, refusal.Message);
    }

    [Fact]
    public void A_secret_moved_to_another_server_does_not_open()
    {
        var cipher = Cipher(TestKeys.MasterKey);
        var (key, secret) = cipher.Seal(Guid.NewGuid(), Secrets, Now);
        secret.Id = Guid.NewGuid();

        Assert.Throws<SecretUnavailableException>(() => cipher.Open(key, secret));
    }

    [Fact]
    public void A_tampered_ciphertext_does_not_open()
    {
        var cipher = Cipher(TestKeys.MasterKey);
        var (key, secret) = cipher.Seal(Guid.NewGuid(), Secrets, Now);
        secret.Ciphertext[^1] ^= 1;

        Assert.Throws<SecretUnavailableException>(() => cipher.Open(key, secret));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==")]
    public void Master_key_is_refused_unless_it_is_32_bytes_of_base64(string? text)
    {
        Assert.Null(MasterKey.Parse(text));
    }

    [Fact]
    public void Master_key_of_32_bytes_is_accepted()
    {
        Assert.Equal(32, MasterKey.Parse(TestKeys.MasterKey)?.Length);
    }

    private static SecretCipher Cipher(string masterKey) =>
        new(Options.Create(new SecretsOptions { MasterKey = masterKey }));
}
