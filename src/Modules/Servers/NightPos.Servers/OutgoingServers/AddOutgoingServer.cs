using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NightPos.Kernel;
using NightPos.Servers.Contracts;
using NightPos.Servers.Secrets;
using Wolverine.Http;
using Wolverine.Marten;

namespace NightPos.Servers.OutgoingServers;

/// <summary>
/// Configures an outgoing server (API.md <c>POST /api/servers</c>). <see cref="ToString"/> leaves
/// the secrets out, whoever logs the request.
/// </summary>
public sealed record AddOutgoingServer(
    string? Name,
    string? Host,
    long? Port,
    string? Encryption,
    string? Authentication,
    string? Username,
    string? Password,
    string? Certificate,
    string? PrivateKey,
    string? FromFilter,
    int? Priority,
    bool? Active,
    bool? AcceptInvalidCertificate) : IServerFields
{
    public override string ToString() => $"{nameof(AddOutgoingServer)} '{Name}'";
}

public static class AddOutgoingServerEndpoint
{
    public static ProblemDetails Validate(
        AddOutgoingServer request,
        IOptions<ServersOptions> options) =>
        ServerRules.Decide(request, null, options.Value).Problem ?? WolverineContinue.NoProblems;

    [WolverinePost("/api/servers")]
    [Authorize(Policy = Policies.Configure)]
    public static async Task<(Created<ServerView>, IStartStream)> Post(
        AddOutgoingServer request,
        IOptions<ServersOptions> options,
        IOptions<DefaultServerOptions> defaults,
        SecretVault vault,
        IDocumentSession session,
        TimeProvider clock,
        ClaimsPrincipal user,
        CancellationToken cancellation)
    {
        var draft = ServerRules.Decide(request, null, options.Value).Draft!;
        var id = Guid.CreateVersion7();

        var secret = draft.Credentials.Replacement is { } secrets
            ? vault.Store(session, id, secrets, replaced: null, user.Identity?.Name)
            : null;
        var order = await CreationOrder.NextAsync(session, cancellation);
        var added = OutgoingServerDecisions.Add(id, draft, secret, order);

        var server = OutgoingServer.From(added, clock.GetUtcNow());
        return (
            TypedResults.Created($"/api/servers/{id}", ServerView.From(server, defaults.Value)),
            MartenOps.StartStream<OutgoingServer>(id, added));
    }
}
