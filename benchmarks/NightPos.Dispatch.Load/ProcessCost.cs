using System.Diagnostics;

namespace NightPos.Dispatch.Load;

/// <summary>CPU time a process and its children used, read from Linux's /proc.</summary>
public static class ProcessCost
{
    private static readonly double TicksPerSecond = 100;

    /// <summary>The process <paramref name="pid"/> and every process whose parent it is.</summary>
    public static TimeSpan CpuOfTree(int pid)
    {
        var total = TimeSpan.Zero;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var candidate))
            {
                continue;
            }

            var stat = Read(Path.Combine(folder, "stat"));

            // The name field may hold spaces and brackets: the fields count from the last ')'.
            var fields = stat?[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields is null || fields.Length < 13)
            {
                continue;
            }

            if (candidate == pid || int.Parse(fields[1]) == pid)
            {
                var ticks = long.Parse(fields[11]) + long.Parse(fields[12]);
                total += TimeSpan.FromSeconds(ticks / TicksPerSecond);
            }
        }

        return total;
    }

    /// <summary>The peak resident set (VmHWM) of a running process, in MB.</summary>
    public static double PeakRssMegabytes(Process process)
    {
        process.Refresh();
        return process.PeakWorkingSet64 / (1024.0 * 1024.0);
    }

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
