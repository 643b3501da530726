using System.Text.RegularExpressions;

namespace NightPos.Domains.Parameters;

/// <summary>
/// System parameter keys: dotted lower-case words such as <c>mail.default.from_filter</c>.
/// Keys compare case-insensitively and are stored lower-case.
/// </summary>
public static partial class ParameterKey
{
    private const int MaxLength = 128;

    public static string? Normalize(string? input, out string? error)
    {
        var key = (input ?? "").ToLowerInvariant();
        error = key switch
        {
            "" => "is empty",
            { Length: > MaxLength } => $"is longer than {MaxLength} characters",
            _ when !Shape().IsMatch(key) =>
                "is not a parameter key: use lower-case words of letters, digits and '_' or '-', "
                + "separated by dots, e.g. mail.default.from_filter",
            _ => null,
        };
        return error is null ? key : null;
    }

    // \z, not $: a .NET '$' also matches before a final line feed.
    [GeneratedRegex(@"^[a-z0-9]+(?:[_-][a-z0-9]+)*(?:\.[a-z0-9]+(?:[_-][a-z0-9]+)*)*\z")]
    private static partial Regex Shape();
}
