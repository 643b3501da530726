using NightPos.Servers.Tests;
using Xunit.Sdk;
using Xunit.v3;

[assembly: AssemblyFixture(typeof(ServersApp))]

// Several tests assert that a refused request appended no event at all, which only holds while
// no other test of this assembly writes at the same time.
[assembly: Parallelization(Mode = ParallelMode.None)]
