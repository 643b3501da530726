using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NightPos.Kernel;
using NightPos.Kernel.Http;
using Wolverine.Http;

namespace NightPos.Notifications.Inbound;

/// <summary>
/// One unrouted message exactly as received (<c>GET /api/inbound/unrouted/{id}/raw</c>, as
/// <c>message/rfc822</c>), so that an administrator can read it or hand it on.
/// </summary>
public static class GetUnroutedMailRawEndpoint
{
    public static async Task<ReceivedMail?> LoadAsync(
        Guid id,
        IQuerySession session,
        CancellationToken cancellation) =>
        await session.LoadAsync<ReceivedMail>(id, cancellation);

    public static ProblemDetails Validate(Guid id, ReceivedMail? mail) =>
        mail is { Outcome: InboundOutcome.Unrouted, Raw: not null }
            ? WolverineContinue.NoProblems
            : FieldErrors.NotFound("id", $"There is no unrouted message {id}; "
                + "GET /api/inbound/unrouted lists them.");

    [WolverineGet("/api/inbound/unrouted/{id}/raw")]
    [Authorize(Policy = Policies.Audit)]
    public static IResult Get(ReceivedMail? mail) =>
        Results.Bytes(mail!.Raw!, ReceiveInboundEndpoint.ContentType);
}
