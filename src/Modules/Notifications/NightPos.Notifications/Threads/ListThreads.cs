using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NightPos.Kernel;
using NightPos.Kernel.Http;
using Wolverine.Http;

namespace NightPos.Notifications.Threads;

/// <summary>One thread in the list of threads: its record and how many posts it holds.</summary>
public sealed record ThreadSummary(
    Guid Id,
    Guid CompanyId,
    string Model,
    string RecordId,
    string Subject,
    DateTimeOffset OpenedAt,
    int PostCount);

/// <summary>
/// <c>GET /api/threads?limit=</c>: the threads, newest first, so that a reader can pick one and
/// open it with <c>GET /api/threads/{id}</c>.
/// </summary>
public static class ListThreadsEndpoint
{
    public static ProblemDetails Validate(int? limit) =>
        ListLimit.Problem(limit) ?? WolverineContinue.NoProblems;

    [WolverineGet("/api/threads")]
    [Authorize(Policy = Policies.Read)]
    public static async Task<IReadOnlyList<ThreadSummary>> Get(
        int? limit,
        IQuerySession session,
        CancellationToken cancellation)
    {
        var threads = await session.Query<MessageThread>()
            .OrderByDescending(t => t.OpenedAt)
            .Take(ListLimit.Of(limit))
            .ToListAsync(cancellation);

        return threads
            .Select(t => new ThreadSummary(
                t.Id, t.CompanyId, t.Model, t.RecordId, t.Subject, t.OpenedAt, t.PostCount))
            .ToList();
    }
}
