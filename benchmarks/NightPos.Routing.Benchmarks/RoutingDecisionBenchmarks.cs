using BenchmarkDotNet.Attributes;
using NightPos.Dispatch.Routing;

namespace NightPos.Routing.Benchmarks;

/// <summary>
/// One routing decision (SPEC R5) with 1, 100 and 10,000 servers and 1,000 alias domains: the
/// compiled routing table of ADR 0010 beside a linear scan of the servers. Each call routes the
/// next of 1,024 different requests, so no answer is reused.
/// </summary>
[MemoryDiagnoser]
public class RoutingDecisionBenchmarks
{
    private RoutingTable _table = null!;
    private LinearScanRouting _scan = null!;
    private RouteRequest[] _requests = [];
    private int _next;

    [Params(1, 100, 10_000)]
    public int Servers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var configuration = new BenchmarkConfiguration(Servers);
        _table = RoutingTable.Compile(configuration.Domains, configuration.Servers);
        _scan = new LinearScanRouting(configuration.Domains, configuration.Servers);
        _requests = configuration.Requests;
        Check();
    }

    [Benchmark(Baseline = true)]
    public RouteDecision LinearScan() => _scan.Decide(Next());

    [Benchmark]
    public RouteDecision CompiledTable() => RoutingPolicy.Decide(_table, Next());

    // The floor under any decision: reading the author's From with MimeKit, which both ways do.
    [Benchmark]
    public bool ParseFromOnly() => AuthorFrom.TryParse(Next().From, out _, out _);

    private RouteRequest Next() => _requests[_next++ & (BenchmarkConfiguration.RequestCount - 1)];

    // Both ways must agree on every request, or the comparison measures nothing.
    private void Check()
    {
        foreach (var request in _requests)
        {
            var compiled = RoutingPolicy.Decide(_table, request);
            var scanned = _scan.Decide(request);
            if ((compiled.ServerId, compiled.Rule, compiled.HeaderFrom, compiled.EnvelopeFrom)
                != (scanned.ServerId, scanned.Rule, scanned.HeaderFrom, scanned.EnvelopeFrom))
            {
                throw new InvalidOperationException(
                    $"The compiled table and the scan disagree on '{request.From}': "
                    + $"{compiled} against {scanned}.");
            }
        }
    }
}
