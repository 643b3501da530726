using NightPos.Domains.Contracts;
using NightPos.Kernel.Mail;

namespace NightPos.Domains.Parameters;

/// <summary>
/// The values a parameter may take. Parameters the product reads are validated and normalised
/// by their own rule; any other parameter takes one line of text.
/// </summary>
public static class ParameterValue
{
    private const int MaxLength = 4000;

    public static string? Normalize(string key, string? input, out string? error)
    {
        if (input is null)
        {
            error = "is required (an empty string clears the parameter's value)";
            return null;
        }

        if (input.Length > MaxLength)
        {
            error = $"is longer than {MaxLength} characters";
            return null;
        }

        // SPEC R5: the default server's FROM filter obeys the FROM filter rules.
        if (key == ParameterKeys.DefaultFromFilter)
        {
            var filter = FromFilter.Parse(input, out error);
            return filter?.ToString();
        }

        error = null;
        return input.Trim(' ');
    }
}
