using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NightPos.Kernel;
using NightPos.Kernel.Http;
using NightPos.Kernel.Mail;
using Wolverine.Http;
using Wolverine.Marten;

namespace NightPos.Notifications.Threads;

/// <summary>
/// Stops a follower following a thread (<c>DELETE /api/threads/{id}/followers/{email}</c>):
/// later posts no longer reach them. Answers 204.
/// </summary>
public static class RemoveFollowerEndpoint
{
    public static async Task<ThreadFollowers?> LoadAsync(
        Guid id,
        IDocumentSession session,
        CancellationToken cancellation) =>
        await session.LoadAsync<ThreadFollowers>(id, cancellation);

    public static ProblemDetails Validate(
        Guid id,
        string email,
        MessageThread? thread,
        ThreadFollowers? followers)
    {
        if (thread is null)
        {
            return ThreadProblems.NotFound(id);
        }

        var comparable = EmailAddress.ToComparable(email);
        return comparable is not null && followers?.Find(comparable) is not null
            ? WolverineContinue.NoProblems
            : FieldErrors.NotFound("email", $"{email} does not follow thread {id}.");
    }

    [WolverineDelete("/api/threads/{id}/followers/{email}")]
    [Authorize(Policy = Policies.Send)]
    [EmptyResponse]
    public static FollowerRemoved Delete(
        Guid id,
        string email,
        [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)]
        MessageThread? thread) =>
        new(EmailAddress.ToComparable(email)!);
}
