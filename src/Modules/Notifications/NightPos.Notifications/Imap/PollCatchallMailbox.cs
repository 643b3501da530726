using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NightPos.Notifications.Inbound;
using Wolverine;

namespace NightPos.Notifications.Imap;

/// <summary>
/// Fetches the unseen messages of the catchall mailbox and hands each to the inbound path
/// (SPEC R14). Invoked by the <see cref="CatchallMailboxAgent"/>, which runs on one node of
/// the cluster at a time (SPEC R18; ADR 0013).
/// </summary>
public sealed record PollCatchallMailbox;

public static partial class PollCatchallMailboxHandler
{
    public static async Task Handle(
        PollCatchallMailbox poll,
        IOptions<ImapOptions> options,
        IMessageBus bus,
        ILogger<PollCatchallMailbox> logger,
        CancellationToken cancellation)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        using var client = new ImapClient();
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, SocketOptions(settings),
                cancellation);
            await client.AuthenticateAsync(
                settings.Username ?? "", settings.Password ?? "", cancellation);
            var folder = await client.GetFolderAsync(settings.Folder, cancellation);
            await folder.OpenAsync(FolderAccess.ReadWrite, cancellation);

            var unseen = await folder.SearchAsync(SearchQuery.NotSeen, cancellation);
            var recorded = 0;
            foreach (var uid in unseen.Take(settings.BatchSize))
            {
                recorded += await ReceiveAsync(folder, uid, bus, logger, cancellation) ? 1 : 0;
            }

            LogPolled(logger, settings.Host, settings.Folder, unseen.Count, recorded);
            await client.DisconnectAsync(quit: true, cancellation);
        }
        catch (AuthenticationException)
        {
            LogAuthenticationRefused(logger, settings.Host);
        }
        catch (Exception e) when (e is IOException or SocketException or ImapProtocolException
            or ImapCommandException or FolderNotFoundException or SslHandshakeException)
        {
            // The next scheduled poll tries again; whatever was not marked seen is fetched
            // then, and what was recorded but not yet marked is recognised as already received.
            LogPollFailed(logger, settings.Host, e.GetType().Name, e.Message);
        }
    }

    /// <summary>
    /// Marks the message seen only once the inbound path has recorded it (SPEC R14: a crash in
    /// between fetches it again, and the inbound path knows it by its Message-ID).
    /// </summary>
    private static async Task<bool> ReceiveAsync(
        IMailFolder folder,
        UniqueId uid,
        IMessageBus bus,
        ILogger logger,
        CancellationToken cancellation)
    {
        using var raw = new MemoryStream();
        await using (var stream = await folder.GetStreamAsync(uid, cancellation))
        {
            await stream.CopyToAsync(raw, cancellation);
        }

        var received = await bus.InvokeAsync<MailReceived>(
            new ReceiveMail(raw.ToArray(), null, FromCatchallMailbox: true), cancellation);
        if (received.Outcome == InboundOutcome.DeliveryReportNotAccepted)
        {
            LogLeftUnseen(logger, uid.Id);
            return false;
        }

        await folder.AddFlagsAsync(uid, MessageFlags.Seen, silent: true, cancellation);
        return true;
    }

    private static SecureSocketOptions SocketOptions(ImapOptions settings) =>
        settings.Encryption switch
        {
            MailboxEncryption.None => SecureSocketOptions.None,
            MailboxEncryption.Starttls => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.SslOnConnect,
        };

    [LoggerMessage(EventId = 3301, Level = LogLevel.Debug,
        Message = "Polled {Host} folder {Folder}: {Unseen} unseen, {Recorded} recorded")]
    private static partial void LogPolled(
        ILogger logger, string host, string folder, int unseen, int recorded);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Error,
        Message = "The IMAP server {Host} refused the configured username and password")]
    private static partial void LogAuthenticationRefused(ILogger logger, string host);

    [LoggerMessage(EventId = 3303, Level = LogLevel.Warning,
        Message = "Polling {Host} failed ({ErrorType}: {Error}); the next poll tries again")]
    private static partial void LogPollFailed(
        ILogger logger, string host, string errorType, string error);

    [LoggerMessage(EventId = 3304, Level = LogLevel.Warning,
        Message = "Message {Uid} left unseen: its delivery report cannot be recorded yet")]
    private static partial void LogLeftUnseen(ILogger logger, uint uid);
}
