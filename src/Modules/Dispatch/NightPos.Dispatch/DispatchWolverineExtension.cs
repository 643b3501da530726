using Microsoft.Extensions.Options;
using NightPos.Dispatch.Delivery;
using Wolverine;

namespace NightPos.Dispatch;

/// <summary>
/// Delivery runs from a durable local queue (ADR 0011): a DeliverMessage lives in Wolverine's
/// inbox, committed with the message's first events, until the batch that attempted it has
/// been recorded, so a killed process loses nothing (SPEC R11).
/// </summary>
internal sealed class DispatchWolverineExtension(IOptions<MailDeliveryOptions> options)
    : IWolverineExtension
{
    public void Configure(WolverineOptions opts)
    {
        var delivery = options.Value;
        opts.PublishMessage<DeliverMessage>().ToLocalQueue(DispatchQueues.Delivery);
        opts.LocalQueue(DispatchQueues.Delivery).UseDurableInbox();

        // The queue's commands are gathered into batches that run on a queue of their own;
        // their members stay unsettled in the inbox until their batch has committed.
        opts.BatchMessagesOf<DeliverMessage>(batching =>
            {
                batching.BatchSize = delivery.BatchSize;
                batching.TriggerTime = Durations.TryParse(delivery.BatchWindow, out var window)
                    ? window
                    : TimeSpan.FromMilliseconds(50);
                batching.LocalExecutionQueueName = DispatchQueues.DeliveryBatches;
            })
            .MaximumParallelMessages(delivery.Parallelism);
    }
}
