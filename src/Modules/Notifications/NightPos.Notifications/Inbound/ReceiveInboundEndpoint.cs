using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using MimeKit;
using NightPos.Kernel;
using NightPos.Kernel.Http;
using Wolverine;
using Wolverine.Http;

namespace NightPos.Notifications.Inbound;

/// <summary>
/// A raw message as <c>POST /api/inbound</c> received it: its bytes, and whether they are an
/// email at all (null when they are; else why not, with the status to answer).
/// </summary>
public sealed record InboundBody(byte[] Raw, int? RefusalStatus, string? Refusal);

/// <summary>The 200 answer: the thread it was posted on, or <c>unrouted</c> and why.</summary>
public sealed record InboundAnswer(
    InboundOutcome Outcome,
    Guid? ThreadId,
    Guid? PostId,
    bool Unrouted,
    string? Reason,
    bool AlreadyReceived,
    Guid? DeliveryReportMessageId,
    IReadOnlyList<string>? BouncedRecipients);

/// <summary>
/// The inbound mail gateway (SPEC R12, R14): the mail server hands every message for the
/// catchall and bounce addresses to this route (<c>Content-Type: message/rfc822</c>), with
/// the SMTP recipient in <c>?recipient=</c> when it knows it.
/// </summary>
public static class ReceiveInboundEndpoint
{
    public const string ContentType = "message/rfc822";

    public static async Task<InboundBody> LoadAsync(
        HttpRequest request,
        IOptions<NotificationsOptions> options,
        CancellationToken cancellation)
    {
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), ContentType,
                StringComparison.OrdinalIgnoreCase))
        {
            return new InboundBody([], StatusCodes.Status415UnsupportedMediaType,
                $"The body must be a raw email sent as Content-Type: {ContentType}, "
                + $"not {request.ContentType ?? "no content type"}.");
        }

        var limit = options.Value.MaxInboundBytes;
        var raw = await ReadAtMostAsync(request.Body, limit + 1, cancellation);
        if (raw.Length > limit)
        {
            return new InboundBody([], StatusCodes.Status413PayloadTooLarge,
                $"The message is larger than {limit} bytes, the most this installation accepts "
                + $"({NotificationsOptions.Section}:MaxInboundBytes).");
        }

        var refusal = raw.Length == 0
            ? "The body is empty: it must be a raw email."
            : await WhyNotAnEmailAsync(raw, cancellation);
        return refusal is null
            ? new InboundBody(raw, null, null)
            : new InboundBody(raw, StatusCodes.Status400BadRequest, refusal);
    }

    public static ProblemDetails Validate(InboundBody body) =>
        body.RefusalStatus is { } status
            ? new ProblemDetails
            {
                Status = status,
                Title = "The body is not an email",
                Detail = body.Refusal,
                Extensions = { ["errors"] = new Dictionary<string, string[]>
                {
                    ["body"] = [body.Refusal!],
                } },
            }
            : WolverineContinue.NoProblems;

    [WolverinePost("/api/inbound")]
    [Authorize(Policy = Policies.Send)]
    public static async Task<IResult> Post(
        [NotBody] InboundBody body,
        string? recipient,
        IMessageBus bus,
        CancellationToken cancellation)
    {
        var received = await bus.InvokeAsync<MailReceived>(
            new ReceiveMail(body.Raw, recipient, FromCatchallMailbox: false), cancellation);

        if (received.Outcome == InboundOutcome.DeliveryReportNotAccepted)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The delivery report cannot be recorded yet",
                detail: "This is a delivery status notification, and Dispatch does not record "
                    + "delivery reports yet. Nothing was kept: deliver it again later.");
        }

        return Results.Ok(new InboundAnswer(received.Outcome, received.ThreadId, received.PostId,
            received.Outcome == InboundOutcome.Unrouted, received.Reason, received.AlreadyReceived,
            received.DeliveryReport?.MessageId, received.DeliveryReport?.BouncedRecipients));
    }

    private static async Task<byte[]> ReadAtMostAsync(
        Stream body,
        int limit,
        CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit
            && (read = await body.ReadAsync(chunk, cancellation)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    // An email has a header section with a sender (RFC 5322 3.6: From is required); MimeKit
    // reads nearly anything as headers, so a body without one is not taken for mail.
    private static async Task<string?> WhyNotAnEmailAsync(
        byte[] raw,
        CancellationToken cancellation)
    {
        try
        {
            var message = await MimeMessage.LoadAsync(new MemoryStream(raw), cancellation);
            return message.From.Mailboxes.Any()
                ? null
                : "The body has no From header with an address: it is not an email (RFC 5322 3.6).";
        }
        catch (FormatException e)
        {
            return $"The body cannot be read as an email (RFC 5322): {e.Message}";
        }
    }
}
