using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NightPos.Kernel;
using NightPos.Kernel.Http;
using NightPos.Kernel.Mail;
using Wolverine.Http;
using Wolverine.Marten;

namespace NightPos.Notifications.Threads;

/// <summary>
/// Makes someone follow a thread (<c>POST /api/threads/{id}/followers</c>), or changes what an
/// existing follower follows. A <see cref="UserPreference"/> makes the follower a user.
/// </summary>
public sealed record AddFollower(
    string? Name,
    string? Email,
    IReadOnlyList<string>? Subtypes,
    NotificationChannel? UserPreference);

/// <summary>The follower as the thread now has it.</summary>
public sealed record FollowerAnswer(
    string Email,
    string Name,
    IReadOnlyList<string> Subtypes,
    NotificationChannel? UserPreference);

public static class AddFollowerEndpoint
{
    private const int MaxNameLength = 128;

    public static async Task<ThreadFollowers?> LoadAsync(
        Guid id,
        IDocumentSession session,
        CancellationToken cancellation) =>
        await session.LoadAsync<ThreadFollowers>(id, cancellation);

    public static ProblemDetails Validate(Guid id, AddFollower command, MessageThread? thread)
    {
        if (thread is null)
        {
            return ThreadProblems.NotFound(id);
        }

        var errors = new FieldErrors();
        Normalized(command, errors);
        return errors.Any ? errors.ToProblem() : WolverineContinue.NoProblems;
    }

    /// <summary>201 for a new follower, 200 when an existing one changed or stayed.</summary>
    [WolverinePost("/api/threads/{id}/followers")]
    [Authorize(Policy = Policies.Send)]
    public static (IResult, Events) Post(
        Guid id,
        AddFollower command,
        [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)]
        MessageThread? thread,
        ThreadFollowers? followers)
    {
        var follower = Normalized(command, new FieldErrors())!;
        var answer = new FollowerAnswer(
            follower.Email, follower.Name, follower.Subtypes, follower.UserPreference);
        var events = new Events();

        if (followers?.Find(follower.Email) is not { } existing)
        {
            events.Add(new FollowerAdded(
                follower.Email, follower.Name, follower.Subtypes, follower.UserPreference));
            var location = $"/api/threads/{id}/followers/{follower.Email}";
            return (Results.Created(location, answer), events);
        }

        if (existing.Name != follower.Name
            || !existing.Subtypes.SequenceEqual(follower.Subtypes)
            || existing.UserPreference != follower.UserPreference)
        {
            events.Add(new FollowerChanged(
                follower.Email, follower.Name, follower.Subtypes, follower.UserPreference));
        }

        return (Results.Ok(answer), events);
    }

    private static Follower? Normalized(AddFollower command, FieldErrors errors)
    {
        var email = errors.Check("email", command.Email, EmailAddress.Normalize);
        var name = errors.Text("name", command.Name, MaxNameLength, required: false);

        List<string> subtypes = [];
        if (command.Subtypes is not { Count: > 0 })
        {
            errors.Add("subtypes",
                "subtypes must list at least one subtype, e.g. [\"discussions\"].");
        }

        foreach (var (input, index) in (command.Subtypes ?? []).Select((s, i) => (s, i)))
        {
            if (errors.Check($"subtypes[{index}]", input, Threads.Subtypes.Normalize) is { } subtype
                && !subtypes.Contains(subtype))
            {
                subtypes.Add(subtype);
            }
        }

        return email is null || errors.Any
            ? null
            : new Follower(email, name ?? EmailAddress.LocalPartOf(email), subtypes,
                command.UserPreference);
    }
}
