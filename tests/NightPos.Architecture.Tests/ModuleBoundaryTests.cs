using System.Reflection;

namespace NightPos.Architecture.Tests;

/// <summary>
/// Modules talk only through Wolverine messages and each other's Contracts (ADR 0002). A type
/// from another assembly can only be used through a reference to that assembly, so the
/// references each compiled module keeps are the whole truth about what it uses.
/// </summary>
public sealed class ModuleBoundaryTests
{
    public static TheoryData<string> Modules => new("Domains", "Servers", "Dispatch", "Notifications");

    [Theory]
    [MemberData(nameof(Modules))]
    public void Module_uses_no_other_module_implementation(string module)
    {
        var forbidden = ForbiddenReferences(Assembly.Load($"NightPos.{module}"));

        Assert.Empty(forbidden);
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Contracts_use_no_module_implementation(string module)
    {
        var forbidden = ForbiddenReferences(Assembly.Load($"NightPos.{module}.Contracts"));

        Assert.Empty(forbidden);
    }

    [Fact]
    public void The_check_flags_an_assembly_that_uses_module_implementations()
    {
        // The host composes every module by design, so the same check must flag it: proof that
        // the checks above look at real references.
        var flagged = ForbiddenReferences(typeof(Program).Assembly);

        Assert.Contains("NightPos.Servers", flagged);
        Assert.Contains("NightPos.Dispatch", flagged);
    }

    private static List<string> ForbiddenReferences(Assembly assembly) =>
        assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("NightPos.", StringComparison.Ordinal))
            .Where(n => !n.EndsWith(".Contracts", StringComparison.Ordinal))
            .Where(n => n != "NightPos.Kernel")
            .ToList();
}
