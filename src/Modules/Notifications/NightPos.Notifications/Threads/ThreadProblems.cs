using Microsoft.AspNetCore.Mvc;
using NightPos.Kernel.Http;

namespace NightPos.Notifications.Threads;

/// <summary>Refusals shared by every endpoint under <c>/api/threads/{id}</c>.</summary>
public static class ThreadProblems
{
    public static ProblemDetails NotFound(Guid id) =>
        FieldErrors.NotFound("id", $"There is no thread {id}; POST /api/threads opens one.");
}
