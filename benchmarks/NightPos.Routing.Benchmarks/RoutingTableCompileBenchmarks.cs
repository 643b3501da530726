using BenchmarkDotNet.Attributes;
using NightPos.Dispatch.Routing;

namespace NightPos.Routing.Benchmarks;

/// <summary>
/// What a configuration change costs each process (ADR 0010): compiling the routing table from
/// the Domains and Servers answers, with 1,000 alias domains and their companies.
/// </summary>
[MemoryDiagnoser]
public class RoutingTableCompileBenchmarks
{
    private BenchmarkConfiguration _configuration = null!;

    [Params(1, 100, 10_000)]
    public int Servers { get; set; }

    [GlobalSetup]
    public void Setup() => _configuration = new BenchmarkConfiguration(Servers);

    [Benchmark]
    public int Compile() =>
        RoutingTable.Compile(_configuration.Domains, _configuration.Servers).ServerCount;
}
