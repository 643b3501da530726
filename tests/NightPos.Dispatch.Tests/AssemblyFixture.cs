using NightPos.Dispatch.Tests.Hosting;

[assembly: AssemblyFixture(typeof(DispatchHost))]
