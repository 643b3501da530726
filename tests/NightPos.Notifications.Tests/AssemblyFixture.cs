using NightPos.Testing;

[assembly: AssemblyFixture(typeof(NightPosApp))]
