using JasperFx.CommandLine;
using NightPos.Servers.Secrets;

namespace NightPos.Host.Commands;

public sealed class RotateMasterKeyInput : NetCoreInput
{
    /// <summary>The variable that may hold the new key instead of a file.</summary>
    public const string NewKeyVariable = "NIGHTPOS_NEW_MASTER_KEY";

    [Description("A file holding the new master key (the base64 of 32 random bytes); without "
        + "it the key is read from the environment variable NIGHTPOS_NEW_MASTER_KEY")]
    public string? NewKeyFileFlag { get; set; }
}

/// <summary>
/// <c>rotate-master-key</c>: re-wraps every server's data key, now under the configured
/// <c>NightPos:Secrets:MasterKey</c>, under a new master key (ADR 0008, ADR 0017). The new key
/// never appears on the command line, where other users of the machine could read it.
/// </summary>
[Description("Re-wrap every stored server secret's key under a new master key (ADR 0017)",
    Name = "rotate-master-key")]
public sealed class RotateMasterKeyCommand : HostedCommand<RotateMasterKeyInput>
{
    // Only the database is needed: no node has to join the installation to rewrite a table.
    protected override bool StartsHost => false;

    protected override string? Check(RotateMasterKeyInput input) =>
        ReadNewKey(input, out _);

    protected override async Task<bool> RunAsync(
        RotateMasterKeyInput input,
        IServiceProvider services,
        TextWriter output,
        CancellationToken cancellation)
    {
        ReadNewKey(input, out var newKey);
        var progress = new Progress<(int Done, int Total)>(step =>
            output.WriteLine($"re-wrapped {step.Done} of {step.Total} data keys"));
        try
        {
            var result = await services.GetRequiredService<MasterKeyRotation>()
                .RotateAsync(newKey!, progress, cancellation);
            await output.WriteLineAsync($"{result.Rewrapped} data keys re-wrapped, "
                + $"{result.Skipped} already under the new key {result.NewMasterKeyId}.");
            await output.WriteLineAsync("Now set NightPos:Secrets:MasterKey to the new key on "
                + "every node and restart them; keep the old key until they all run.");
            return true;
        }
        catch (Exception e) when (e is SecretUnavailableException or ArgumentException)
        {
            await Console.Error.WriteLineAsync($"Nothing was changed: {e.Message}");
            return false;
        }
    }

    private static string? ReadNewKey(RotateMasterKeyInput input, out byte[]? key)
    {
        key = null;
        string? text;
        string source;
        if (input.NewKeyFileFlag is { } path)
        {
            source = $"--new-key-file {path}";
            if (!File.Exists(path))
            {
                return $"{source}: no such file; write the new key into it, e.g. with "
                    + $"openssl rand -base64 32 > {path}.";
            }

            text = File.ReadAllText(path);
        }
        else
        {
            source = RotateMasterKeyInput.NewKeyVariable;
            text = Environment.GetEnvironmentVariable(source);
            if (string.IsNullOrWhiteSpace(text))
            {
                return "No new master key: give --new-key-file PATH, or set "
                    + $"{source}; make one with openssl rand -base64 32.";
            }
        }

        key = MasterKey.Parse(text);
        return key is null
            ? $"The new master key in {source} is not the base64 of 32 bytes; make one with "
                + "openssl rand -base64 32."
            : null;
    }
}
