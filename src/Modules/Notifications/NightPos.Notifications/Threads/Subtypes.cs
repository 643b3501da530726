namespace NightPos.Notifications.Threads;

/// <summary>
/// Message subtypes: what a post is, and what followers subscribe to (SPEC "Terms"). Any
/// lower-case token is a subtype; <see cref="Note"/> is the one internal subtype.
/// </summary>
public static class Subtypes
{
    /// <summary>Ordinary discussion: what an emailed reply is, unless it answers a note.</summary>
    public const string Discussions = "discussions";

    /// <summary>Internal: reaches users only, never contacts (SPEC "Terms").</summary>
    public const string Note = "note";

    private const int MaxLength = 64;

    public static bool IsInternal(string subtype) => subtype == Note;

    /// <summary>
    /// Answers the lower-case form of a subtype name, or null with the reason: letters, digits,
    /// '.', '_' and '-', starting with a letter.
    /// </summary>
    public static string? Normalize(string? input, out string? error)
    {
        var text = input?.Trim().ToLowerInvariant() ?? "";
        if (text.Length == 0)
        {
            error = "is empty";
            return null;
        }

        if (text.Length > MaxLength
            || !char.IsAsciiLetterLower(text[0])
            || !text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)
                || c is '.' or '_' or '-'))
        {
            error = $"is not a subtype name (a letter, then letters, digits, '.', '_' or '-', "
                + $"at most {MaxLength} characters)";
            return null;
        }

        error = null;
        return text;
    }
}
