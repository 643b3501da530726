using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NightPos.Kernel;
using NightPos.Servers.Http;
using NightPos.Servers.MassMailing;
using NightPos.Servers.Secrets;
using Wolverine.Http;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace NightPos.Servers.OutgoingServers;

/// <summary>
/// Deletes an outgoing server (API.md <c>DELETE /api/servers/{id}</c>) and destroys its data
/// key, so that its secret cannot be recovered from any row left behind (SPEC R17, ADR 0008).
/// </summary>
public static class DeleteOutgoingServerEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(
        Guid id,
        OutgoingServer? server,
        IQuerySession session,
        CancellationToken cancellation)
    {
        if (server is null)
        {
            return Problems.UnknownServer(id);
        }

        // SPEC R6: mass mail would lose its server without anyone choosing that; the choice is
        // left to the administrator.
        var settings = await session.LoadAsync<MassMailingSettings>(
            MassMailingSettings.StreamId, cancellation);
        return settings?.DedicatedServerId == id
            ? Problems.Conflict("id",
                $"id: server {id} is the dedicated mass-mailing server; choose another one or "
                + "none with PUT /api/settings/mass-mailing first, or archive it instead.")
            : WolverineContinue.NoProblems;
    }

    [WolverineDelete("/api/servers/{id}")]
    [Authorize(Policy = Policies.Configure)]
    public static (NoContent, Events) Delete(
        [Aggregate(Required = false)] OutgoingServer? server,
        IDocumentSession session)
    {
        var current = server!;
        if (current.Secret is not null)
        {
            SecretVault.Destroy(session, current.Id, current.Secret);
        }

        return (TypedResults.NoContent(), new Events([new ServerDeleted(current.Id)]));
    }
}
