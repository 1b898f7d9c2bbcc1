using Microsoft.Playwright;

namespace OcopPortal.BrowserTests;

/// <summary>
/// The user guide's pictures come from the stories themselves: run the browser tests with
/// <c>OCOP_SCREENSHOTS=docs/images</c> (a path relative to the repository root, or absolute) to refresh them.
/// Without the variable nothing is written.
/// </summary>
public static class Screenshots
{
    private static readonly string? Folder = Resolve(Environment.GetEnvironmentVariable("OCOP_SCREENSHOTS"));

    public static async Task TakeAsync(IPage page, string name)
    {
        if (Folder is null)
        {
            return;
        }

        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, name + ".png"), FullPage = false });
    }

    private static string? Resolve(string? folder) =>
        string.IsNullOrWhiteSpace(folder) ? null : Path.IsPathRooted(folder) ? folder : Path.Combine(Tests.TestPaths.RepoRoot, folder);
}
