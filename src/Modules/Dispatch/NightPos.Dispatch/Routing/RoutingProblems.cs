using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace NightPos.Dispatch.Routing;

/// <summary>
/// Routing's refusals as RFC 9457 problem details naming the request field to fix, both in the
/// detail and in <c>errors</c>, the shape ASP.NET Core gives validation problems.
/// </summary>
internal static class RoutingProblems
{
    public static ProblemDetails BadField(string field, string detail) =>
        Problem(field, StatusCodes.Status400BadRequest, detail);

    public static ProblemHttpResult Refused(RouteRefusedException refused) =>
        TypedResults.Problem(Problem(refused.Field, refused.Status, refused.Message));

    private static ProblemDetails Problem(string field, int status, string detail) => new()
    {
        Status = status,
        Title = status == StatusCodes.Status404NotFound
            ? "Not found"
            : "The routing question cannot be answered as asked",
        Detail = detail,
        Extensions =
        {
            ["field"] = field,
            ["errors"] = new Dictionary<string, string[]> { [field] = [detail] },
        },
    };
}
