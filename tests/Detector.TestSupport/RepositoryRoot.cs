namespace Detector.TestSupport;

/// <summary>The checkout the tests run from (the folder holding Detector.sln), and tools the test bootstrap installs.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>
    /// The absolute path of a program the tests need, or a failure naming the install step: tests never
    /// skip because a tool is missing.
    /// </summary>
    public static string RequireTool(string path, string installedBy)
    {
        if (!File.Exists(path))
            throw new InvalidOperationException($"{path} is missing: run `eng/bootstrap --test` ({installedBy})");
        return path;
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Detector.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Detector.sln not found above " + AppContext.BaseDirectory);
    }
}
