using Microsoft.Extensions.Options;

namespace NightPos.Host.Configuration;

/// <summary>
/// Refuses to start the host without all three keys, or with two roles sharing one key, since
/// a shared key would grant the stronger role to whoever holds the weaker one.
/// </summary>
internal sealed class AuthOptionsValidator : IValidateOptions<NightPosOptions>
{
    private const int MinimumKeyLength = 16;

    public ValidateOptionsResult Validate(string? name, NightPosOptions options)
    {
        var keys = new Dictionary<string, string?>
        {
            ["NightPos:Auth:AdminKey"] = options.Auth.AdminKey,
            ["NightPos:Auth:AuditorKey"] = options.Auth.AuditorKey,
            ["NightPos:Auth:SenderKey"] = options.Auth.SenderKey,
        };

        var failures = new List<string>();
        foreach (var (setting, key) in keys)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                failures.Add($"{setting} is missing: set it (environment "
                    + $"{setting.Replace(":", "__")}) to a random key of at least "
                    + $"{MinimumKeyLength} characters.");
            }
            else if (key.Length < MinimumKeyLength)
            {
                failures.Add($"{setting} is shorter than {MinimumKeyLength} characters: "
                    + "use a longer random key.");
            }
        }

        var present = keys.Values.Where(k => !string.IsNullOrWhiteSpace(k)).ToList();
        if (present.Distinct(StringComparer.Ordinal).Count() != present.Count)
        {
            failures.Add("Two of NightPos:Auth:AdminKey, AuditorKey and SenderKey are equal: "
                + "give each role its own key.");
        }

        return failures.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(failures);
    }
}
