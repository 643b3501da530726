using System.Text;
using MimeKit;

namespace NightPos.Dispatch.Bounces;

/// <summary>
/// What a delivery status notification (RFC 3464) says: the original message it is about and,
/// per recipient, the action taken and the status.
/// </summary>
public sealed record DeliveryStatusReport(
    string? OriginalMessageId,
    string? OriginalEnvelopeId,
    IReadOnlyList<RecipientReport> Recipients)
{
    /// <summary>
    /// Reads a raw message, or answers null when it is no delivery status report.
    /// </summary>
    public static DeliveryStatusReport? Read(string raw)
    {
        MimeMessage message;
        try
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(raw));
            message = MimeMessage.Load(stream);
        }
        catch (FormatException)
        {
            return null;
        }

        var status = message.BodyParts.OfType<MessageDeliveryStatus>().FirstOrDefault();
        if (status is null || status.StatusGroups.Count == 0)
        {
            return null;
        }

        // RFC 3464 2.1: the first group holds the per-message fields, each further group one
        // recipient's.
        var envelopeId = status.StatusGroups[0]["Original-Envelope-Id"]?.Trim();
        var recipients = status.StatusGroups
            .Skip(1)
            .Select(group => new RecipientReport(
                Address(group["Original-Recipient"]) ?? Address(group["Final-Recipient"]) ?? "",
                group["Action"]?.Trim() ?? "",
                group["Status"]?.Trim() ?? "",
                group["Diagnostic-Code"]?.Trim()))
            .Where(r => r.Address.Length > 0)
            .ToList();

        // The returned message, whole (message/rfc822) or its headers (text/rfc822-headers).
        var original = message.BodyParts.OfType<MessagePart>().FirstOrDefault()?.Message;
        var messageId = original?.MessageId is { } id ? $"<{id}>" : null;
        return new DeliveryStatusReport(messageId, envelopeId, recipients);
    }

    // "rfc822; mary@example.com" (RFC 3464 2.3.2): the address follows the address type.
    private static string? Address(string? field)
    {
        var semicolon = field?.IndexOf(';') ?? -1;
        var address = semicolon < 0 ? null : field![(semicolon + 1)..].Trim();
        return string.IsNullOrEmpty(address) ? null : address;
    }
}
