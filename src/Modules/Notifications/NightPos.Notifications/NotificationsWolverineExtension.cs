using Microsoft.Extensions.Options;
using NightPos.Notifications.FanOut;
using Wolverine;

namespace NightPos.Notifications;

/// <summary>
/// The Notifications module's queue: email batches wait durably in Wolverine's inbox until a
/// batch has been handed to Dispatch, a few batches at a time (ADR 0013).
/// </summary>
internal sealed class NotificationsWolverineExtension(IOptions<NotificationsOptions> options)
    : IWolverineExtension
{
    public const string EmailQueue = "notifications-email";

    public void Configure(WolverineOptions opts)
    {
        opts.PublishMessage<SendNotificationEmails>().ToLocalQueue(EmailQueue);
        opts.LocalQueue(EmailQueue)
            .UseDurableInbox()
            .MaximumParallelMessages(options.Value.EmailParallelism);
    }
}
