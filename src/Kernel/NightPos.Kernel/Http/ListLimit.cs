using Microsoft.AspNetCore.Mvc;

namespace NightPos.Kernel.Http;

/// <summary>
/// The <c>limit</c> query parameter every list route shares: how many entries one answer
/// holds, newest first, so that no request reads a whole table into one answer.
/// </summary>
public static class ListLimit
{
    public const int Default = 100;
    public const int Max = 1000;

    /// <summary>A 400 naming <c>limit</c> when it is out of range, else null.</summary>
    public static ProblemDetails? Problem(int? limit) =>
        limit is < 1 or > Max
            ? FieldErrors.Invalid("limit", $"limit must be between 1 and {Max}.")
            : null;

    public static int Of(int? limit) => limit ?? Default;
}
