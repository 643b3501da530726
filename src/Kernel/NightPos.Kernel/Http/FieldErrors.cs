using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace NightPos.Kernel.Http;

/// <summary>
/// What is wrong with the fields of one request, collected so that a refusal names every bad
/// field at once: in <c>detail</c> for a person and in an <c>errors</c> member shaped like
/// ASP.NET Core's validation problems (<c>{"field": ["what is wrong"]}</c>) for a program
/// (RFC 9457). Shared by every module's validation step.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    /// <summary>The shape of the Kernel's normalisers: the value, or null and why not.</summary>
    public delegate string? Rule(string? input, out string? error);

    public bool Any => _errors.Count > 0;

    /// <summary>Records the first thing wrong with a field; later ones for it are dropped.</summary>
    public void Add(string field, string message) => _errors.TryAdd(field, [message]);

    /// <summary>
    /// A field run through a rule, or null with the reason recorded. A CR, LF or other control
    /// character is refused wherever it appears, never silently dropped (SPEC R17).
    /// </summary>
    public string? Check(string field, string? input, Rule rule)
    {
        if (input?.Any(char.IsControl) == true)
        {
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

    /// <summary>
    /// A free text without control characters (it may become a header, SPEC R17), trimmed, at
    /// most <paramref name="maxLength"/> long; null when empty or refused.
    /// </summary>
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

    /// <summary>The 400 answer naming every field recorded.</summary>
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
