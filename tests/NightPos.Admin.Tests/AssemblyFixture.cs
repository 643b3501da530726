using NightPos.Admin.Tests;

[assembly: AssemblyFixture(typeof(AdminSite))]
