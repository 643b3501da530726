using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using NightPos.Dispatch.Sending;
using NightPos.Kernel;
using Wolverine.Http;

namespace NightPos.Dispatch.Messages;

/// <summary>
/// <c>GET /api/messages/{id}</c>: where a message stands, from its inline projection.
/// </summary>
public static class GetMessageEndpoint
{
    [WolverineGet("/api/messages/{id}")]
    [Authorize(Policy = Policies.Read)]
    public static async Task<IResult> Get(
        Guid id,
        IQuerySession session,
        CancellationToken cancellation)
    {
        var message = await session.LoadAsync<Message>(id, cancellation);
        return message is null
            ? Problems.ToResult(new Refusal("id", StatusCodes.Status404NotFound,
                $"No message has the id {id}; use the id that POST /api/messages answered."))
            : Results.Ok(MessageStatus.From(message));
    }
}
