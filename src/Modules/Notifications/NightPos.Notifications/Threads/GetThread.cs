using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NightPos.Kernel;
using NightPos.Notifications.FanOut;
using Wolverine.Http;

namespace NightPos.Notifications.Threads;

/// <summary>
/// A thread as readers see it (<c>GET /api/threads/{id}</c>): its record, followers, and every
/// post in order with the notifications it caused.
/// </summary>
public sealed record ThreadView(
    Guid Id,
    Guid CompanyId,
    string Model,
    string RecordId,
    string Subject,
    string MessageId,
    DateTimeOffset OpenedAt,
    IReadOnlyList<FollowerAnswer> Followers,
    IReadOnlyList<PostView> Messages);

public sealed record PostView(
    Guid Id,
    DateTimeOffset At,
    string AuthorName,
    string AuthorEmail,
    string Subtype,
    PostOrigin Origin,
    string MessageId,
    string Body,
    IReadOnlyList<NotificationView> Notifications);

/// <summary>
/// One notification of a post. <see cref="State"/>: <c>inbox</c> (the entry exists),
/// <c>pending</c> (the email is not yet handed to Dispatch), <c>accepted</c> (Dispatch has it:
/// <see cref="DispatchId"/> is its id, <c>GET /api/messages/{id}</c> tells its delivery), or
/// <c>refused</c> with the reason.
/// </summary>
public sealed record NotificationView(
    string Email,
    NotificationChannel Channel,
    string State,
    Guid? DispatchId,
    string? MessageId,
    string? Refusal);

public static class GetThreadEndpoint
{
    public static async Task<MessageThread?> LoadAsync(
        Guid id,
        IQuerySession session,
        CancellationToken cancellation) =>
        await session.LoadAsync<MessageThread>(id, cancellation);

    public static ProblemDetails Validate(Guid id, MessageThread? thread) =>
        thread is null ? ThreadProblems.NotFound(id) : WolverineContinue.NoProblems;

    [WolverineGet("/api/threads/{id}")]
    [Authorize(Policy = Policies.Read)]
    public static async Task<ThreadView> Get(
        Guid id,
        MessageThread? thread,
        IQuerySession session,
        CancellationToken cancellation)
    {
        var followers = await session.LoadAsync<ThreadFollowers>(id, cancellation);
        var posts = await session.Query<ThreadPost>()
            .Where(p => p.ThreadId == id)
            .OrderBy(p => p.Number)
            .ToListAsync(cancellation);

        // Whom a post notified is in its event alone, the one record of that decision.
        var notified = (await session.Events.QueryAllRawEvents()
                .Where(e => e.StreamId == id && e.EventTypesAre(typeof(MessagePosted)))
                .ToListAsync(cancellation))
            .Select(e => (MessagePosted)e.Data)
            .ToDictionary(p => p.PostId, p => p.NotifiedByEmail
                .Select(e => (e, NotificationChannel.Email))
                .Concat(p.NotifiedInInbox.Select(e => (e, NotificationChannel.Inbox)))
                .ToList());
        var emails = (await session.Query<NotificationEmail>()
                .Where(n => n.ThreadId == id)
                .ToListAsync(cancellation))
            .ToDictionary(n => (n.PostId, n.Email));

        return new ThreadView(thread!.Id, thread.CompanyId, thread.Model, thread.RecordId,
            thread.Subject, thread.MessageId, thread.OpenedAt,
            (followers?.All ?? [])
                .Select(f => new FollowerAnswer(f.Email, f.Name, f.Subtypes, f.UserPreference))
                .ToList(),
            posts.Select(p => View(p, notified.GetValueOrDefault(p.Id, []), emails)).ToList());
    }

    private static PostView View(
        ThreadPost post,
        IReadOnlyList<(string Email, NotificationChannel Channel)> notifications,
        Dictionary<(Guid, string), NotificationEmail> emails) =>
        new(post.Id, post.At, post.AuthorName, post.AuthorEmail, post.Subtype, post.Origin,
            post.MessageId, post.Body,
            notifications.Select(n => View(n, emails.GetValueOrDefault((post.Id, n.Email))))
                .ToList());

    private static NotificationView View(
        (string Email, NotificationChannel Channel) notification,
        NotificationEmail? email) =>
        (notification.Channel, email) switch
        {
            (NotificationChannel.Inbox, _) => Of(notification, "inbox", null),
            (_, null) => Of(notification, "pending", null),
            (_, { Refusal: not null }) => Of(notification, "refused", email),
            _ => Of(notification, "accepted", email),
        };

    private static NotificationView Of(
        (string Email, NotificationChannel Channel) n,
        string state,
        NotificationEmail? email) =>
        new(n.Email, n.Channel, state, email?.DispatchId, email?.MessageId, email?.Refusal);
}
