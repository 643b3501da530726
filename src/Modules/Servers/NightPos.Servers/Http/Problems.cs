using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace NightPos.Servers.Http;

/// <summary>
/// RFC 9457 answers that name the request field to fix, in the detail and in an <c>errors</c>
/// member shaped like ASP.NET Core's validation problems (<c>{"field": ["what is wrong"]}</c>).
/// </summary>
public static class Problems
{
    public static ProblemDetails Invalid(string field, string detail) =>
        Create(StatusCodes.Status400BadRequest, "The request has an invalid field", field, detail);

    public static ProblemDetails NotFound(string field, string detail) =>
        Create(StatusCodes.Status404NotFound, "Not found", field, detail);

    public static ProblemDetails Conflict(string field, string detail) =>
        Create(StatusCodes.Status409Conflict, "Conflicts with the configuration", field, detail);

    public static ProblemDetails UnknownServer(Guid id) =>
        NotFound("id", $"id: no outgoing server has the id {id}; GET /api/servers lists them.");

    private static ProblemDetails Create(int status, string title, string field, string detail) =>
        new()
        {
            Status = status,
            Title = title,
            Detail = detail,
            Extensions = { ["errors"] = new Dictionary<string, string[]> { [field] = [detail] } },
        };
}
