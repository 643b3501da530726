using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NightPos.Kernel;
using NightPos.Kernel.Http;
using Wolverine.Http;

namespace NightPos.Notifications.Inbound;

/// <summary>An unrouted message, newest first, without its bytes.</summary>
public sealed record UnroutedMailView(
    Guid Id,
    DateTimeOffset ReceivedAt,
    string? MessageId,
    string? From,
    string Subject,
    string Reason,
    int Size);

/// <summary>
/// The mail that was kept rather than posted (<c>GET /api/inbound/unrouted</c>, SPEC R14), each
/// with the reason; <c>GET /api/inbound/unrouted/{id}/raw</c> gives one back as received.
/// </summary>
public static class ListUnroutedMailEndpoint
{
    public static ProblemDetails Validate(int? limit) =>
        ListLimit.Problem(limit) ?? WolverineContinue.NoProblems;

    [WolverineGet("/api/inbound/unrouted")]
    [Authorize(Policy = Policies.Audit)]
    public static async Task<IReadOnlyList<UnroutedMailView>> Get(
        int? limit,
        IQuerySession session,
        CancellationToken cancellation)
    {
        var unrouted = await session.Query<ReceivedMail>()
            .Where(m => m.Outcome == InboundOutcome.Unrouted)
            .OrderByDescending(m => m.ReceivedAt)
            .Take(ListLimit.Of(limit))
            .ToListAsync(cancellation);

        return unrouted
            .Select(m => new UnroutedMailView(m.Id, m.ReceivedAt, m.MessageId, m.FromEmail,
                m.Subject, m.Reason ?? "", m.Raw?.Length ?? 0))
            .ToList();
    }
}
