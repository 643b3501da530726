using System.Security.Cryptography;
using System.Text;

namespace NightPos.Notifications.Threads;

/// <summary>
/// Message-IDs and ids the module derives. Message-IDs are written without angle brackets
/// everywhere but in headers (RFC 5322 3.6.4: the brackets are not part of the id).
/// </summary>
public static class MessageIds
{
    public static string ForThread(Guid threadId, string domain) => $"thread.{threadId:N}@{domain}";

    public static string ForPost(Guid postId, string domain) => $"post.{postId:N}@{domain}";

    /// <summary>The domain part of a Message-ID, used for the ids of later posts.</summary>
    public static string DomainOf(string messageId) =>
        messageId[(messageId.LastIndexOf('@') + 1)..];

    /// <summary>A header-form id: the bare id inside angle brackets.</summary>
    public static string Bracketed(string messageId) => $"<{messageId}>";

    /// <summary>
    /// A name-based id (RFC 9562 version 8): the same name always gives the same id, so that a
    /// step retried after a crash finds what its first run recorded.
    /// </summary>
    public static Guid Deterministic(string name)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
