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
        output.WriteLine($"- spread over server counts: {(fastest - slowest) / fastest:P1} "
            + "(goal within 10 %)");
        output.WriteLine($"- host peak RSS: {hosts.Max(h => h.PeakRssMegabytes):N0} MB "
            + "(goal under 300 MB)");
    }

    private static string Figure(double? value, string format) =>
        value?.ToString(format) ?? "";
}
