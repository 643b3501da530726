using System.Diagnostics;
using NightPos.Testing;

namespace NightPos.Host.Tests;

/// <summary>
/// Runs the real host as a process, the way an operator does, with only the environment the
/// test gives it: variables of this process that name NightPOS settings are removed first.
/// </summary>
public static class HostProcess
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        IReadOnlyDictionary<string, string> environment,
        params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(HostAssembly.Path());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var variable in start.Environment.Keys.ToList())
        {
            if (variable.StartsWith("NIGHTPOS", StringComparison.OrdinalIgnoreCase)
                || variable.StartsWith("OTEL_", StringComparison.OrdinalIgnoreCase)
                || variable.StartsWith("ConnectionStrings", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(variable);
            }
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Logging__Console__FormatterName"] = "simple";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Console formatting wraps long lines: joined back, they can be searched.</summary>
    public static string Joined(string text) =>
        string.Join(" ", text.Split('\n').Select(line => line.Trim()));
}
