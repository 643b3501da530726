using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NightPos.Kernel;
using NightPos.Kernel.Http;
using Wolverine.Http;

namespace NightPos.Dispatch.Messages;

/// <summary>
/// <c>GET /api/messages?state=&amp;serverId=&amp;limit=</c>: the outgoing queue, newest first, as
/// the administration pages show it. Each entry has the shape of <c>GET /api/messages/{id}</c>.
/// </summary>
public static class ListMessagesEndpoint
{
    public static ProblemDetails Validate(string? state, int? limit)
    {
        if (state is not null && !TryParseState(state, out _))
        {
            return FieldErrors.Invalid("state", $"state '{state}' is not one of "
                + $"{string.Join(", ", Enum.GetNames<MessageState>().Select(Kebab))}.");
        }

        return ListLimit.Problem(limit) ?? WolverineContinue.NoProblems;
    }

    [WolverineGet("/api/messages")]
    [Authorize(Policy = Policies.Read)]
    public static async Task<IReadOnlyList<MessageStatus>> Get(
        string? state,
        Guid? serverId,
        int? limit,
        IQuerySession session,
        CancellationToken cancellation)
    {
        var query = session.Query<Message>().AsQueryable();
        if (state is not null && TryParseState(state, out var wanted))
        {
            query = query.Where(m => m.State == wanted);
        }

        if (serverId is { } server)
        {
            query = query.Where(m => m.ServerId == server);
        }

        // TODO: QueuedAt has no index, so PostgreSQL sorts every matching message to answer
        // the newest; an index would cost each of a message's inline updates on the send path,
        // which is worth measuring against the delivery benchmark first.
        var messages = await query
            .OrderByDescending(m => m.QueuedAt)
            .Take(ListLimit.Of(limit))
            .ToListAsync(cancellation);
        return messages.Select(MessageStatus.From).ToList();
    }

    // The states are single words, so their kebab-case API names are their lower-case names;
    // numbers and other casings are refused like any unknown word.
    private static bool TryParseState(string text, out MessageState state)
    {
        foreach (var candidate in Enum.GetValues<MessageState>())
        {
            if (Kebab(candidate.ToString()) == text)
            {
                state = candidate;
                return true;
            }
        }

        state = default;
        return false;
    }

    private static string Kebab(string name) => name.ToLowerInvariant();
}
