namespace NightPos.Dispatch.Contracts;

/// <summary>
/// The answer to <see cref="SendMessage"/>: the message is recorded and will be delivered, or
/// was already accepted under the same idempotency key. Receivers may keep <see cref="Id"/> to
/// look the message up and <see cref="MessageId"/> to recognise replies and bounces.
/// </summary>
/// <param name="Id">The message's id in the mail engine (<c>GET /api/messages/{id}</c>).</param>
/// <param name="MessageId">
/// The <c>Message-ID</c> header, angle brackets included; it stays the same through every
/// retry, so a copy that reached a recipient twice is recognisable (SPEC R11).
/// </param>
public sealed record MessageAccepted(Guid Id, string MessageId);
