using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace NightPos.Domains.Http;

/// <summary>
/// Collects what is wrong with the fields of one request, so that a refusal names every bad
/// field at once: in <c>detail</c> for a person and in <c>errors</c> for a program.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message) => _errors.TryAdd(field, [message]);

    /// <summary>
    /// Normalises one field with a Kernel rule, recording its reason when refused.
    /// </summary>
    public string? Check(string field, string? input, NameRule rule)
    {
        if (input?.Any(char.IsControl) == true)
        {
            // SPEC R17: a CR or LF is refused wherever it appears, never silently dropped.
            Add(field, $"{field} '{Shown(input)}' contains a line break or a control character.");
            return null;
        }

        var value = rule(input, out var error);
        if (value is null)
        {
            Add(field, $"{field} '{Shown(input)}' {error}.");
        }

        return value;
    }

    public ProblemDetails ToProblem() => Problem(
        StatusCodes.Status400BadRequest,
        "The request has invalid fields",
        string.Join(" ", _errors.Values.Select(v => v[0])),
        _errors);

    public static ProblemDetails NotFound(string field, string detail) =>
        Problem(StatusCodes.Status404NotFound, "Not found", detail, new() { [field] = [detail] });

    public static ProblemDetails Conflict(string field, string detail) =>
        Problem(StatusCodes.Status409Conflict, "Conflict", detail, new() { [field] = [detail] });

    private static ProblemDetails Problem(
        int status,
        string title,
        string detail,
        Dictionary<string, string[]> errors) =>
        new()
        {
            Status = status,
            Title = title,
            Detail = detail,
            Extensions = { ["errors"] = errors },
        };

    // Echo enough of the input for a person to find it, with control characters made visible
    // rather than written into the answer.
    private static string Shown(string? input)
    {
        var text = input ?? "";
        text = text.Length > 80 ? text[..80] + "..." : text;
        return string.Concat(
            text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
    }
}
