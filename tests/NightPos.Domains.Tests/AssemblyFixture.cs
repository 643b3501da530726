using NightPos.Testing;

[assembly: AssemblyFixture(typeof(NightPosApp))]

// Tests assert that a refused request appended no event at all, which only holds while no other
// test of the assembly appends at the same moment.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
