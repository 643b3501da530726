using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using NightPos.Dispatch.Sending;
using NightPos.Kernel;
using Wolverine.Http;

namespace NightPos.Dispatch.Messages;

/// <summary>
/// One step of a message's life: its event, in stream order. <see cref="Type"/> is the stored
/// event name (<c>message_queued</c>, <c>message_routed</c>, ...); the routed step's data holds
/// the rule and the explanation of the choice (SPEC R11: routing recorded with its reason).
/// </summary>
public sealed record LifecycleStep(long Version, DateTimeOffset At, string Type, object Data);

/// <summary>
/// <c>GET /api/messages/{id}/lifecycle</c>: every event of one message. Its events carry
/// addresses and server replies, never the subject or the bodies (ADR 0011).
/// </summary>
public static class GetMessageLifecycleEndpoint
{
    [WolverineGet("/api/messages/{id}/lifecycle")]
    [Authorize(Policy = Policies.Read)]
    public static async Task<IResult> Get(
        Guid id,
        IQuerySession session,
        CancellationToken cancellation)
    {
        var events = await session.Events.FetchStreamAsync(id, token: cancellation);
        if (events.Count == 0 || events[0].Data is not MessageQueued)
        {
            return Problems.ToResult(new Refusal("id", StatusCodes.Status404NotFound,
                $"No message has the id {id}; use the id that POST /api/messages answered."));
        }

        return Results.Ok(events.Select(Step).ToList());
    }

    private static LifecycleStep Step(IEvent e) =>
        new(e.Version, e.Timestamp, e.EventTypeName, e.Data);
}
