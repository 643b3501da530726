using BenchmarkDotNet.Running;

namespace NightPos.Notifications.Benchmarks;

// Not top-level statements: those would declare a Program type beside the host's.
internal static class BenchmarkEntry
{
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
}
