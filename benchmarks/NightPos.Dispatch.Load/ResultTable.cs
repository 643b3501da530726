namespace NightPos.Dispatch.Load;

/// <summary>The run's figures as a Markdown table, the issue's goals checked below.</summary>
public static class ResultTable
{
    public static void Write(TextWriter output, IReadOnlyList<Measurement> rows)
    {
        output.WriteLine(
            "| contender | messages | seconds | messages/s | intake/s | peak RSS MB "
            + "| host CPU ms/msg | commits/msg | WAL syncs/msg | load |");
        output.WriteLine(
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in rows)
        {
            output.WriteLine(
                $"| {row.Contender} | {row.Messages:N0} | {row.Elapsed.TotalSeconds:F2} "
                + $"| {row.PerSecond:N0} | {Figure(row.IntakePerSecond, "N0")} "
                + $"| {Figure(row.PeakRssMegabytes, "N0")} "
                + $"| {Figure(row.CpuMillisecondsPerMessage, "F2")} "
                + $"| {Figure(row.CommitsPerMessage, "F2")} "
                + $"| {Figure(row.WalSyncsPerMessage, "F2")} | {row.LoadAverage} |");
        }

        var mailKit = rows[0].PerSecond;
        var postfix = rows[1].PerSecond;
        var hosts = rows.Skip(2).ToList();
        if (hosts.Count == 0)
        {
            return;
        }

        var slowest = hosts.Min(h => h.PerSecond);
        var fastest = hosts.Max(h => h.PerSecond);
        output.WriteLine();
        output.WriteLine($"- host / Postfix: {slowest / postfix:F2} to {fastest / postfix:F2} "
            + "(goal at least 3)");
        output.WriteLine($"- host / MailKit loop: {slowest / mailKit:F2} to "
            + $"{fastest / mailKit:F2} (goal at least 0.5)");
        // A count measured more than once (`run 5000 1,100,10000,1,100,10000`) is compared on
        // the median of its rows: the machine's speed drifts between rows by as much as the
        // goal allows (docs/benchmarks.md).
        var perCount = hosts.GroupBy(h => h.Contender)
            .Select(runs => Median(runs.Select(h => h.PerSecond)))
            .ToList();
        var basis = hosts.Count > perCount.Count ? " (the median of each count's rows)" : "";
        output.WriteLine($"- spread over server counts{basis}: "
            + $"{(perCount.Max() - perCount.Min()) / perCount.Max():P1} (goal within 10 %)");
        output.WriteLine($"- host peak RSS: {hosts.Max(h => h.PeakRssMegabytes):N0} MB "
            + "(goal under 300 MB)");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Figure(double? value, string format) =>
        value?.ToString(format) ?? "";
}
