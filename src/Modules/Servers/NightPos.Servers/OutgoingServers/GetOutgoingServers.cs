using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NightPos.Kernel;
using NightPos.Servers.Contracts;
using NightPos.Servers.Http;
using Wolverine.Http;

namespace NightPos.Servers.OutgoingServers;

/// <summary>
/// Lists the outgoing servers, archived ones included, in creation order
/// (API.md <c>GET /api/servers</c>), and reads one by id.
/// </summary>
public static class GetOutgoingServersEndpoint
{
    [WolverineGet("/api/servers")]
    [Authorize(Policy = Policies.Audit)]
    public static async Task<IReadOnlyList<ServerView>> GetAll(
        IQuerySession session,
        IOptions<DefaultServerOptions> defaults,
        CancellationToken cancellation)
    {
        var servers = await session.Query<OutgoingServer>()
            .OrderBy(s => s.CreationOrder)
            .ToListAsync(cancellation);
        return servers.Select(s => ServerView.From(s, defaults.Value)).ToList();
    }

    [WolverineGet("/api/servers/{id}")]
    [Authorize(Policy = Policies.Audit)]
    public static async Task<Results<Ok<ServerView>, ProblemHttpResult>> GetOne(
        Guid id,
        IQuerySession session,
        IOptions<DefaultServerOptions> defaults,
        CancellationToken cancellation)
    {
        var server = await session.LoadAsync<OutgoingServer>(id, cancellation);
        return server is null
            ? TypedResults.Problem(Problems.UnknownServer(id))
            : TypedResults.Ok(ServerView.From(server, defaults.Value));
    }
}
