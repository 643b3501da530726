namespace NightPos.Servers.Secrets;

/// <summary>The master key's one accepted form: the base64 of exactly 32 bytes (AES-256).</summary>
public static class MasterKey
{
    public const int Length = 32;

    /// <summary>
    /// The key's bytes, or null when the text is missing, not base64 or not 32 bytes long.
    /// </summary>
    public static byte[]? Parse(string? base64)
    {
        var text = base64?.Trim() ?? "";
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        if (text.Length == 0 || !Convert.TryFromBase64String(text, buffer, out var written)
            || written != Length)
        {
            return null;
        }

        return buffer[..Length];
    }
}
