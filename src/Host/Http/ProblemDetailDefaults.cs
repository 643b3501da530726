using Microsoft.AspNetCore.Http;

namespace NightPos.Host.Http;

/// <summary>
/// Gives the problems ASP.NET Core writes on its own (no route matched, a body that is not
/// JSON) a detail a person can act on, as API.md asks of every error.
/// </summary>
internal static class ProblemDetailDefaults
{
    public static void Fill(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (!string.IsNullOrWhiteSpace(problem.Detail))
        {
            return;
        }

        var request = context.HttpContext.Request;
        problem.Detail = problem.Status switch
        {
            StatusCodes.Status404NotFound =>
                $"Nothing answers {request.Method} {request.Path}: check the route against "
                + "API.md, and that every id in it is a GUID of an existing record.",
            StatusCodes.Status415UnsupportedMediaType =>
                $"The body was sent as '{request.ContentType}': send it as application/json "
                + "(Content-Type: application/json).",
            StatusCodes.Status405MethodNotAllowed =>
                $"{request.Path} does not answer {request.Method}: see API.md for its methods.",
            _ => null,
        };
    }
}
