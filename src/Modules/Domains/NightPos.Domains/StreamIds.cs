using System.Security.Cryptography;
using System.Text;

namespace NightPos.Domains;

/// <summary>
/// Stream ids that every host derives alike (RFC 9562 version 5, name-based): two hosts
/// bootstrapping one database start the very same streams, so the second start collides and
/// is ignored (ADR 0007), and a parameter key can only ever have one stream.
/// </summary>
internal static class StreamIds
{
    private static readonly Guid Namespace = new("5b0f3f4e-8c1d-4a57-9d0e-2f6c7a1b9e43");

    public static Guid DefaultAliasDomain { get; } = NameBased("alias-domain:default");

    public static Guid DefaultCompany { get; } = NameBased("company:default");

    public static Guid Parameter(string key) => NameBased($"parameter:{key}");

    private static Guid NameBased(string name)
    {
        var namespaceBytes = Namespace.ToByteArray(bigEndian: true);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var hash = SHA1.HashData([.. namespaceBytes, .. nameBytes]);

        // RFC 9562 5.5: version 5 in the high nibble of octet 6, variant 10 in octet 8.
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
