using Microsoft.Extensions.Options;
using NightPos.Servers.Secrets;

namespace NightPos.Host.Configuration;

/// <summary>
/// Refuses to start the host without a valid <c>NightPos:Secrets:MasterKey</c> (ADR 0008), rather
/// than fail at the first server that stores or reads a secret.
/// </summary>
internal sealed class SecretsOptionsValidator : IValidateOptions<NightPosOptions>
{
    private const string Setting = "NightPos:Secrets:MasterKey";

    public ValidateOptionsResult Validate(string? name, NightPosOptions options)
    {
        var key = options.Secrets.MasterKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            return ValidateOptionsResult.Fail(
                $"{Setting} is missing: set it (environment NightPos__Secrets__MasterKey) to the "
                + $"base64 of {MasterKey.Length} random bytes, e.g. the output of "
                + $"'head -c {MasterKey.Length} /dev/urandom | base64', and keep it: the stored "
                + "server secrets can only be read with it.");
        }

        return MasterKey.Parse(key) is null
            ? ValidateOptionsResult.Fail(
                $"{Setting} is not the base64 of {MasterKey.Length} bytes: generate one with "
                + $"'head -c {MasterKey.Length} /dev/urandom | base64'.")
            : ValidateOptionsResult.Success;
    }
}
