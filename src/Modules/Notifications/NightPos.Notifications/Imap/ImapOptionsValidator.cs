using Microsoft.Extensions.Options;

namespace NightPos.Notifications.Imap;

/// <summary>Refuses to start with a poller that could never log in or never run.</summary>
public sealed class ImapOptionsValidator : IValidateOptions<ImapOptions>
{
    public ValidateOptionsResult Validate(string? name, ImapOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        List<string> failures = [];
        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"{ImapOptions.Section}:Port must be between 1 and 65535.");
        }

        if (string.IsNullOrWhiteSpace(options.Username) || string.IsNullOrEmpty(options.Password))
        {
            failures.Add($"{ImapOptions.Section}:Username and :Password are required "
                + "when :Host is set.");
        }

        if (options.Interval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{ImapOptions.Section}:Interval {options.Interval} must be at least "
                + "a second (e.g. 00:01:00).");
        }

        if (options.BatchSize < 1)
        {
            failures.Add($"{ImapOptions.Section}:BatchSize must be at least 1.");
        }

        return failures.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(failures);
    }
}
