using System.Security.Cryptography;
using System.Text;

namespace NightPos.Dispatch.Messages;

/// <summary>
/// Message ids and Message-ID headers. A message sent with an idempotency key gets an id derived
/// from the key (a name-based UUID, RFC 9562 5.5), so that a second request with the same key
/// finds the first message's stream instead of starting a new one (ADR 0011).
/// </summary>
public static class MessageIds
{
    // A fixed namespace for NightPOS idempotency keys; changing it would let a retried request
    // send its message twice.
    private static readonly Guid KeyNamespace = new("6f1c0f3e-8d0a-4b8e-9a55-3d2b7c4e9a10");

    public static Guid New() => Guid.CreateVersion7();

    public static Guid FromIdempotencyKey(string key)
    {
        var name = Encoding.UTF8.GetBytes(key);
        var input = new byte[16 + name.Length];
        KeyNamespace.TryWriteBytes(input, bigEndian: true, out _);
        name.CopyTo(input, 16);

        // SHA-1 names the UUID version, not a security property: the key is the caller's own.
        var hash = SHA1.HashData(input);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    /// <summary>
    /// The Message-ID header of a message (RFC 5322 3.6.4): unique by the message id, on the
    /// domain of its header From, so that the id alone finds the message when a bounce or a
    /// reply quotes it.
    /// </summary>
    public static string MessageIdHeader(Guid id, string domain) => $"<{id:N}@{domain}>";

    /// <summary>
    /// The message id inside a Message-ID written by <see cref="MessageIdHeader"/>.
    /// </summary>
    public static Guid? FromMessageIdHeader(string? header)
    {
        var text = header?.Trim().TrimStart('<').TrimEnd('>') ?? "";
        var at = text.IndexOf('@');
        return at == 32 && Guid.TryParseExact(text[..at], "N", out var id) ? id : null;
    }
}
