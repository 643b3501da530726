using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NightPos.Kernel;
using NightPos.Servers.Contracts;
using NightPos.Servers.Http;
using NightPos.Servers.Secrets;
using Wolverine.Http;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace NightPos.Servers.OutgoingServers;

/// <summary>
/// Changes any fields of an outgoing server (API.md <c>PATCH /api/servers/{id}</c>); a field
/// left out keeps its value. An empty <c>fromFilter</c> clears the filter, an empty
/// <c>password</c> removes the credentials. <see cref="ToString"/> leaves the secrets out.
/// </summary>
public sealed record ChangeOutgoingServer(
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
    public override string ToString() => nameof(ChangeOutgoingServer);
}

public static class ChangeOutgoingServerEndpoint
{
    public static ProblemDetails Validate(
        Guid id,
        ChangeOutgoingServer request,
        OutgoingServer? server,
        IOptions<ServersOptions> options)
    {
        if (server is null)
        {
            return Problems.UnknownServer(id);
        }

        return ServerRules.Decide(request, server, options.Value).Problem
            ?? WolverineContinue.NoProblems;
    }

    [WolverinePatch("/api/servers/{id}")]
    [Authorize(Policy = Policies.Configure)]
    public static (ServerView, Events) Patch(
        ChangeOutgoingServer request,
        [Aggregate(Required = false)] OutgoingServer? server,
        IOptions<ServersOptions> options,
        IOptions<DefaultServerOptions> defaults,
        SecretVault vault,
        IDocumentSession session,
        ClaimsPrincipal user)
    {
        var current = server!;
        var draft = ServerRules.Decide(request, current, options.Value).Draft!;

        SecretReference? secret = null;
        if (draft.Credentials.Replacement is { } secrets)
        {
            secret = vault.Store(session, current.Id, secrets, current.Secret, user.Identity?.Name);
        }
        else if (draft.Credentials.Removes && current.Secret is not null)
        {
            SecretVault.Destroy(session, current.Id, current.Secret);
        }

        var events = OutgoingServerDecisions.Change(current, draft, secret);
        var changed = OutgoingServerDecisions.Fold(current, events);
        return (ServerView.From(changed, defaults.Value), new Events(events));
    }
}
