using Microsoft.Playwright;

namespace NightPos.Admin.Tests;

/// <summary>
/// Where the browser test saves its screenshots: the folder named by
/// <c>NIGHTPOS_SCREENSHOTS</c>, relative to the repository (the README's are made with
/// <c>docs/screenshots</c>), else the test output folder, so that an ordinary run leaves the
/// repository untouched.
/// </summary>
public static class Screenshots
{
    public const string Variable = "NIGHTPOS_SCREENSHOTS";

    public static async Task SaveAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given
            ? Path.GetFullPath(given, RepositoryRoot())
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(folder, $"{name}.png"),
            FullPage = true,
        });
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "NightPos.sln")))
        {
            folder = folder.Parent
                ?? throw new InvalidOperationException("NightPos.sln not found.");
        }

        return folder.FullName;
    }
}
