using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace NightPos.Dispatch.Sending;

/// <summary>
/// RFC 9457 answers for refused requests, naming the field in the detail and in <c>errors</c>.
/// </summary>
public static class Problems
{
    public static ProblemDetails From(Refusal refusal) =>
        new HttpValidationProblemDetails(
            new Dictionary<string, string[]> { [refusal.Field] = [refusal.Detail] })
        {
            Status = refusal.Status,
            Title = refusal.Status == StatusCodes.Status404NotFound
                ? "Something the request names does not exist."
                : "The request cannot be accepted as written.",
            Detail = refusal.Detail,
        };

    public static IResult ToResult(Refusal refusal) => Results.Problem(From(refusal));
}
