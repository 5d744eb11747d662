namespace OrleansEvents.BrowserTests.Infrastructure;

/// <summary>Where failing tests leave their screenshot and console log: TestResults/ beside this project.</summary>
public static class Artifacts
{
    /// <summary>Removes what failures of an earlier run left, so the folder only ever tells about the last run.</summary>
    public static void ClearFailures()
    {
        foreach (var log in Directory.EnumerateFiles(Folder(), "*.console.log"))
        {
            File.Delete(log);
            File.Delete(Path.ChangeExtension(Path.ChangeExtension(log, null), ".png"));
        }
    }

    public static string Folder()
    {
        // bin/{Configuration}/net10.0 → the project folder.
        var project = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Parent!.Parent!.FullName;
        return Directory.CreateDirectory(Path.Combine(project, "TestResults")).FullName;
    }

    /// <summary>The repository root (where OrleansEvents.sln is).</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OrleansEvents.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("OrleansEvents.sln not found above the test binaries.");
    }
}
