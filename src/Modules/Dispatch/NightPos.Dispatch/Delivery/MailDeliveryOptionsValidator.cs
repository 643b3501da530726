using Microsoft.Extensions.Options;

namespace NightPos.Dispatch.Delivery;

/// <summary>Refuses to start a host whose delivery settings cannot be read as meant.</summary>
internal sealed class MailDeliveryOptionsValidator : IValidateOptions<MailDeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, MailDeliveryOptions options)
    {
        var failures = new List<string>();
        if (Durations.TryParseList(options.RetryDelays) is null)
        {
            failures.Add($"{MailDeliveryOptions.Section}:RetryDelays '{options.RetryDelays}' is "
                + "not a comma-separated list of durations such as 30m,1h,2h.");
        }

        AddUnlessDuration(failures, nameof(options.MaxLifetime), options.MaxLifetime);
        AddUnlessDuration(failures, nameof(options.CommandTimeout), options.CommandTimeout);
        AddUnlessDuration(
            failures, nameof(options.IdleConnectionTimeout), options.IdleConnectionTimeout);
        AddUnlessPositive(failures, nameof(options.MaxSubjectLength), options.MaxSubjectLength);
        AddUnlessPositive(failures, nameof(options.MaxBodyBytes), options.MaxBodyBytes);
        AddUnlessPositive(failures, nameof(options.MaxRecipients), options.MaxRecipients);
        AddUnlessPositive(failures, nameof(options.IntakeBatchSize), options.IntakeBatchSize);
        AddUnlessPositive(failures, nameof(options.IntakeWriters), options.IntakeWriters);
        AddUnlessPositive(
            failures, nameof(options.ConnectionsPerServer), options.ConnectionsPerServer);
        AddUnlessPositive(failures, nameof(options.Parallelism), options.Parallelism);
        AddUnlessPositive(failures, nameof(options.BatchSize), options.BatchSize);
        AddUnlessDuration(failures, nameof(options.BatchWindow), options.BatchWindow);

        if (options.TrustedCertificates is { Length: > 0 } path && !File.Exists(path))
        {
            failures.Add($"{MailDeliveryOptions.Section}:TrustedCertificates names '{path}', "
                + "which does not exist.");
        }

        return failures.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(failures);
    }

    private static void AddUnlessDuration(List<string> failures, string key, string value)
    {
        if (!Durations.TryParse(value, out _))
        {
            failures.Add($"{MailDeliveryOptions.Section}:{key} '{value}' is not a duration such as "
                + "50ms, 90s, 30m or 5d.");
        }
    }

    private static void AddUnlessPositive(List<string> failures, string key, int value)
    {
        if (value <= 0)
        {
            failures.Add(
                $"{MailDeliveryOptions.Section}:{key} must be at least 1 (it is {value}).");
        }
    }
}
