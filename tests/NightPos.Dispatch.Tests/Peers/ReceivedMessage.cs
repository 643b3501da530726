using MimeKit;

namespace NightPos.Dispatch.Tests.Peers;

/// <summary>
/// One message as a test server received it: the envelope, the raw DATA bytes, and whether the
/// session was encrypted when DATA came.
/// </summary>
public sealed record ReceivedMessage(
    string EnvelopeFrom,
    IReadOnlyList<string> Recipients,
    byte[] Data,
    bool OverTls)
{
    private string? _messageId;

    /// <summary>The Message-ID header, angle brackets included, as the API answers it.</summary>
    public string MessageId => _messageId ??= $"<{Parse().MessageId}>";

    public MimeMessage Parse()
    {
        using var stream = new MemoryStream(Data);
        return MimeMessage.Load(stream);
    }
}
