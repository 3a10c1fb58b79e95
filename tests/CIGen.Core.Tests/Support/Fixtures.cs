using CIGen.Core.Config;
using CIGen.Testing;

namespace CIGen.Core.Tests.Support;

/// <summary>Configs committed in the repository: the examples and this project's fixtures.</summary>
public static class Fixtures
{
    public static string Examples => Path.Combine(RepositoryPaths.Root, "examples");

    public static string Directory => Path.Combine(RepositoryPaths.Root, "tests", "CIGen.Core.Tests", "Fixtures");

    public static LoadResult Load(string directory, string explicitPath) =>
        ConfigLoader.Load(ConfigLocator.Find(directory, explicitPath) ?? throw new InvalidOperationException($"no config at {explicitPath}"));
}
