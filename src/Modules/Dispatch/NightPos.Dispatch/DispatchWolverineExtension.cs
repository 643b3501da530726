using Microsoft.Extensions.Options;
using NightPos.Dispatch.Delivery;
using Wolverine;

namespace NightPos.Dispatch;

/// <summary>
/// Delivery runs from a durable local queue (ADR 0011): a DeliverMessage lives in Wolverine's
/// inbox, committed with the message's first events, until an attempt has been recorded, so a
/// killed process loses nothing (SPEC R11).
/// </summary>
internal sealed class DispatchWolverineExtension(IOptions<MailDeliveryOptions> options)
    : IWolverineExtension
{
    public void Configure(WolverineOptions opts)
    {
        opts.PublishMessage<DeliverMessage>().ToLocalQueue(DispatchQueues.Delivery);
        opts.LocalQueue(DispatchQueues.Delivery)
            .UseDurableInbox()
            .MaximumParallelMessages(options.Value.Parallelism);
    }
}
