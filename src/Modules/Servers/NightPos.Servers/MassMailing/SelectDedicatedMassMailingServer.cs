using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NightPos.Kernel;
using NightPos.Servers.Http;
using NightPos.Servers.OutgoingServers;
using Wolverine.Http;

namespace NightPos.Servers.MassMailing;

/// <summary>
/// Chooses the server that carries mass mail (SPEC R6; API.md
/// <c>PUT /api/settings/mass-mailing</c>), or none with null.
/// </summary>
public sealed record SelectDedicatedMassMailingServer(Guid? DedicatedServerId);

public static class SelectDedicatedMassMailingServerEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(
        SelectDedicatedMassMailingServer request,
        IQuerySession session,
        CancellationToken cancellation)
    {
        if (request.DedicatedServerId is not { } id)
        {
            return WolverineContinue.NoProblems;
        }

        var server = await session.LoadAsync<OutgoingServer>(id, cancellation);
        if (server is null)
        {
            return Problems.NotFound("dedicatedServerId",
                $"dedicatedServerId: no outgoing server has the id {id}; GET /api/servers "
                + "lists them.");
        }

        return server.Active
            ? WolverineContinue.NoProblems
            : Problems.Conflict("dedicatedServerId",
                $"dedicatedServerId: server '{server.Name}' is archived; reactivate it "
                + "(PATCH /api/servers/{id} with active true) or choose an active server.");
    }

    [WolverinePut("/api/settings/mass-mailing")]
    [Authorize(Policy = Policies.Configure)]
    public static async Task<MassMailingView> Put(
        SelectDedicatedMassMailingServer request,
        IDocumentSession session,
        CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<MassMailingSettings>(
            MassMailingSettings.StreamId, cancellation);
        if (stream.Aggregate?.DedicatedServerId != request.DedicatedServerId)
        {
            stream.AppendOne(new DedicatedMassMailingServerSelected(request.DedicatedServerId));
        }

        return new MassMailingView(request.DedicatedServerId);
    }
}
