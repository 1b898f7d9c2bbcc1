namespace OcopPortal.Tests;

public static class TestPaths
{
    /// <summary>The repository root, found by walking up from the test binaries to OcopPortal.sln.</summary>
    public static string RepoRoot { get; } = FindRoot();

    public static string WebRoot => Path.Combine(RepoRoot, "src", "OcopPortal.Web", "wwwroot");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OcopPortal.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OcopPortal.sln not found above " + AppContext.BaseDirectory);
    }
}
