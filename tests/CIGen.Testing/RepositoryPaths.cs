namespace CIGen.Testing;

/// <summary>Finds folders of the source tree from a running test, wherever its bin/ directory is.</summary>
public static class RepositoryPaths
{
    /// <summary>The directory holding <c>CIGen.sln</c>, searched upwards from the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The folder of the test project that holds <paramref name="sourceFile"/> (the nearest one with a .csproj).</summary>
    public static string ProjectDirectoryOf(string sourceFile)
    {
        for (var dir = Path.GetDirectoryName(sourceFile); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (Directory.EnumerateFiles(dir, "*.csproj").Any())
            {
                return dir;
            }
        }

        throw new InvalidOperationException($"No .csproj found above {sourceFile}.");
    }

    private static string FindRoot()
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir.TrimEnd(Path.DirectorySeparatorChar)))
        {
            if (File.Exists(Path.Combine(dir, "CIGen.sln")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException($"CIGen.sln not found above {AppContext.BaseDirectory}.");
    }
}
