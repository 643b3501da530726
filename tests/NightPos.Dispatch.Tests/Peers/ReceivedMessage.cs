using MimeKit;

namespace NightPos.Dispatch.Tests.Peers;

/// <summary>
/// One message as a test server received it: the envelope and the raw DATA bytes.
/// </summary>
public sealed record ReceivedMessage(
    string EnvelopeFrom,
    IReadOnlyList<string> Recipients,
    byte[] Data)
{
    public MimeMessage Parse()
    {
        using var stream = new MemoryStream(Data);
        return MimeMessage.Load(stream);
    }
}
