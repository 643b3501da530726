namespace NightPos.Dispatch.Load;

/// <summary>One row of the table: a contender, its rate and what it cost.</summary>
public sealed record Measurement(
    string Contender,
    int Messages,
    TimeSpan Elapsed,
    double? IntakePerSecond = null,
    double? PeakRssMegabytes = null,
    double? CpuMillisecondsPerMessage = null,
    double? CommitsPerMessage = null,
    double? WalSyncsPerMessage = null)
{
    /// <summary>The 1-minute load average when the measurement ended.</summary>
    public string LoadAverage { get; } = File.ReadAllText("/proc/loadavg").Split(' ')[0];

    public double PerSecond => Messages / Elapsed.TotalSeconds;
}
