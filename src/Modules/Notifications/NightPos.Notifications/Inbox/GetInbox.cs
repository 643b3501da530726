using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NightPos.Kernel;
using NightPos.Kernel.Http;
using NightPos.Kernel.Mail;
using NightPos.Notifications.Threads;
using Wolverine.Http;

namespace NightPos.Notifications.Inbox;

/// <summary>One entry of a user's inbox, newest first, with the post's body.</summary>
public sealed record InboxEntryView(
    Guid Id,
    Guid ThreadId,
    Guid PostId,
    DateTimeOffset At,
    string Model,
    string RecordId,
    string Subject,
    string AuthorName,
    string AuthorEmail,
    string Subtype,
    string Body);

/// <summary>A user's inbox (<c>GET /api/inbox?email=</c>), at most <c>limit</c> entries.</summary>
public static class GetInboxEndpoint
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    public static ProblemDetails Validate(string? email, int? limit)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return FieldErrors.Invalid("email",
                "email is required: GET /api/inbox?email=user@example.com.");
        }

        // Followers are stored through EmailAddress.Normalize: an address it refuses (two
        // mailboxes, a line break, a local part over 64 characters) can have no inbox.
        if (EmailAddress.Normalize(email, out var error) is null)
        {
            return FieldErrors.Invalid("email", $"email {error}: give one address such as "
                + "user@example.com.");
        }

        return limit is < 1 or > MaxLimit
            ? FieldErrors.Invalid("limit", $"limit must be between 1 and {MaxLimit}.")
            : WolverineContinue.NoProblems;
    }

    [WolverineGet("/api/inbox")]
    [Authorize(Policy = Policies.Read)]
    public static async Task<IReadOnlyList<InboxEntryView>> Get(
        string? email,
        int? limit,
        IQuerySession session,
        CancellationToken cancellation)
    {
        var comparable = EmailAddress.ToComparable(email)!;
        var entries = await InboxTable.ReadAsync(
            session, comparable, limit ?? DefaultLimit, cancellation);
        var posts = (await session.LoadManyAsync<ThreadPost>(
                cancellation, entries.Select(e => e.PostId).Distinct()))
            .ToDictionary(p => p.Id);
        var threads = (await session.LoadManyAsync<MessageThread>(
                cancellation, posts.Values.Select(p => p.ThreadId).Distinct()))
            .ToDictionary(t => t.Id);

        return entries
            .Where(e => posts.ContainsKey(e.PostId))
            .Select(e => (Entry: e, Post: posts[e.PostId]))
            .Where(x => threads.ContainsKey(x.Post.ThreadId))
            .Select(x => View(x.Entry, x.Post, threads[x.Post.ThreadId]))
            .ToList();
    }

    private static InboxEntryView View(InboxEntry entry, ThreadPost post, MessageThread thread) =>
        new(InboxEntry.IdFor(post.Id, entry.Email), thread.Id, post.Id, entry.At, thread.Model,
            thread.RecordId, thread.Subject, post.AuthorName, post.AuthorEmail, post.Subtype,
            post.Body);
}
