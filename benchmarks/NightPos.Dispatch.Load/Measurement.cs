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
    public double PerSecond => Messages / Elapsed.TotalSeconds;
}
