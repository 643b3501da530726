namespace NightPos.Domains.Companies;

/// <summary>
/// Company names are free text for people, but one line of it: they end up in headers and
/// logs, so a CR or LF is refused (SPEC R17) rather than stripped.
/// </summary>
internal static class CompanyName
{
    private const int MaxLength = 200;

    public static string? Normalize(string? input, out string? error)
    {
        var text = input?.Trim(' ') ?? "";
        error = text switch
        {
            "" => "is empty",
            _ when text.Any(char.IsControl) => "contains a line break or a control character",
            { Length: > MaxLength } => $"is longer than {MaxLength} characters",
            _ => null,
        };
        return error is null ? text : null;
    }
}
