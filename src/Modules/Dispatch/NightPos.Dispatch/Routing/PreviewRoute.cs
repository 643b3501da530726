using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NightPos.Dispatch.Contracts;
using NightPos.Kernel;
using Wolverine.Http;

namespace NightPos.Dispatch.Routing;

/// <summary>
/// Asks what routing decides for a message without sending it (API.md, routing preview):
/// for the present, or as the product would have decided at a past instant (SPEC R16).
/// </summary>
public sealed record PreviewRoute(
    Guid? CompanyId,
    string? From,
    MailKind Kind = MailKind.Transactional,
    Guid? ServerId = null,
    DateTimeOffset? At = null);

public static class PreviewRouteEndpoint
{
    public static ProblemDetails Validate(PreviewRoute request)
    {
        if (!AuthorFrom.TryParse(request.From, out _, out var error))
        {
            return RoutingProblems.BadField("from", $"The from value {error}.");
        }

        return WolverineContinue.NoProblems;
    }

    [WolverinePost("/api/routing/preview")]
    [Authorize(Policy = Policies.Read)]
    public static async Task<Results<Ok<RouteDecision>, ProblemHttpResult>> Post(
        PreviewRoute request,
        IRouter router,
        CancellationToken cancellation)
    {
        try
        {
            var question = new RouteRequest(
                request.CompanyId, request.From, request.Kind, request.ServerId);
            return TypedResults.Ok(await router.RouteAsync(question, request.At, cancellation));
        }
        catch (RouteRefusedException refused)
        {
            return RoutingProblems.Refused(refused);
        }
    }
}
