using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NightPos.Kernel;
using NightPos.Kernel.Http;
using NightPos.Kernel.Mail;
using NightPos.Notifications.FanOut;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace NightPos.Notifications.Threads;

/// <summary>
/// Posts a message on a thread (<c>POST /api/threads/{id}/messages</c>) and notifies its
/// followers (SPEC R13).
/// </summary>
public sealed record PostMessage(
    string? AuthorName,
    string? AuthorEmail,
    string? Body,
    string? Subtype);

/// <summary>The 201 answer: the post's id and who was told, by which channel.</summary>
public sealed record MessagePostedAnswer(Guid ThreadId, Guid Id, Notified Notified)
    : CreationResponse($"/api/threads/{ThreadId}");

/// <summary>The addresses notified by email and by an inbox entry.</summary>
public sealed record Notified(IReadOnlyList<string> Emails, IReadOnlyList<string> Inbox);

public static class PostMessageEndpoint
{
    public const int MaxBodyLength = 100_000;
    private const int MaxNameLength = 128;

    public static ProblemDetails Validate(Guid id, PostMessage command, MessageThread? thread)
    {
        if (thread is null)
        {
            return ThreadProblems.NotFound(id);
        }

        var errors = new FieldErrors();
        Normalized(command, errors);
        return errors.Any ? errors.ToProblem() : WolverineContinue.NoProblems;
    }

    [WolverinePost("/api/threads/{id}/messages")]
    [Authorize(Policy = Policies.Send)]
    public static async Task<(MessagePostedAnswer, Events, OutgoingMessages)> PostAsync(
        Guid id,
        PostMessage command,
        [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)]
        MessageThread? thread,
        IDocumentSession session,
        FollowersCache followersCache,
        IOptions<NotificationsOptions> options,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        var followers = await followersCache.GetAsync(session, thread!, cancellation);
        var post = Normalized(command, new FieldErrors())!;
        var input = new PostDecision.Input(Guid.CreateVersion7(clock.GetUtcNow()),
            clock.GetUtcNow(), post.AuthorName, post.AuthorEmail, post.Body, post.Subtype,
            PostOrigin.Api, MessageId: null);

        var decision = PostDecision.Decide(thread!, followers, input,
            options.Value.EmailBatchSize);
        var outgoing = PostRecording.Record(decision, session);

        var notified = new Notified(
            decision.Posted.NotifiedByEmail, decision.Posted.NotifiedInInbox);
        return (new MessagePostedAnswer(id, input.PostId, notified), [decision.Posted], outgoing);
    }

    private static NormalizedPost? Normalized(PostMessage command, FieldErrors errors)
    {
        var email = errors.Check("authorEmail", command.AuthorEmail, EmailAddress.Normalize);
        var name = errors.Text("authorName", command.AuthorName, MaxNameLength, required: false);
        var subtype = errors.Check("subtype", command.Subtype ?? Subtypes.Discussions,
            Subtypes.Normalize);
        var body = command.Body ?? "";
        if (body.Trim().Length == 0)
        {
            errors.Add("body", "body is required.");
        }
        else if (body.Length > MaxBodyLength)
        {
            errors.Add("body", $"body is longer than {MaxBodyLength} characters.");
        }

        return email is null || subtype is null || errors.Any
            ? null
            : new NormalizedPost(name ?? EmailAddress.LocalPartOf(email), email, body, subtype);
    }

    private sealed record NormalizedPost(
        string AuthorName,
        string AuthorEmail,
        string Body,
        string Subtype);
}
