using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace NightPos.Notifications.Http;

/// <summary>
/// What is wrong with the fields of one request, so that a refusal names every bad field at
/// once: in <c>detail</c> for a person and in <c>errors</c> for a program (RFC 9457).
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message) => _errors.TryAdd(field, [message]);

    /// <summary>A required text without control characters (SPEC R17: no CR or LF in a
    /// value that may become a header), trimmed, or null when refused.</summary>
    public string? Text(string field, string? input, int maxLength, bool required = true)
    {
        var text = input?.Trim() ?? "";
        if (text.Length == 0)
        {
            if (required)
            {
                Add(field, $"{field} is required.");
            }

            return null;
        }

        if (text.Any(char.IsControl))
        {
            Add(field, $"{field} '{Shown(text)}' contains a line break or a control character.");
            return null;
        }

        if (text.Length > maxLength)
        {
            Add(field, $"{field} is longer than {maxLength} characters.");
            return null;
        }

        return text;
    }

    /// <summary>A field's value run through a rule that answers null with the reason.</summary>
    public string? Check(string field, string? input, Rule rule)
    {
        var value = rule(input, out var error);
        if (value is null)
        {
            Add(field, $"{field} '{Shown(input)}' {error}.");
        }

        return value;
    }

    public delegate string? Rule(string? input, out string? error);

    public ProblemDetails ToProblem() => Problem(
        StatusCodes.Status400BadRequest,
        "The request has invalid fields",
        string.Join(" ", _errors.Values.Select(v => v[0])),
        _errors);

    public static ProblemDetails Invalid(string field, string detail) =>
        Problem(StatusCodes.Status400BadRequest, "The request is invalid", detail,
            new() { [field] = [detail] });

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

    // Enough of the input for a person to find it, with control characters made visible
    // rather than written into the answer.
    private static string Shown(string? input)
    {
        var text = input ?? "";
        text = text.Length > 80 ? text[..80] + "..." : text;
        return string.Concat(
            text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
    }
}
