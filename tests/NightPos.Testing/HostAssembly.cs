namespace NightPos.Testing;

/// <summary>Where the host's build output is, for tests that start it as a process.</summary>
public static class HostAssembly
{
    /// <summary>
    /// The host's own build output, not the copy beside the test assembly: at start-up the host
    /// scans the assemblies of its folder, and the test framework's must not be among them.
    /// </summary>
    public static string Path()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testOutput.Parent!.Name;
        var root = testOutput;
        while (!File.Exists(System.IO.Path.Combine(root.FullName, "NightPos.sln")))
        {
            root = root.Parent ?? throw new InvalidOperationException("NightPos.sln not found.");
        }

        return System.IO.Path.Combine(root.FullName, "src", "Host", "bin", configuration,
            testOutput.Name, "NightPos.Host.dll");
    }
}
