namespace CIGen.Testing.Fuzzing;

/// <summary>A valid config of the repository that fuzz cases start from.</summary>
/// <param name="Name">The directory it comes from, relative to the repository root.</param>
/// <param name="Directory">The absolute directory holding <c>cigen.yml</c> or <c>.cigen/</c>.</param>
/// <param name="ConfigFiles">The config's YAML files, relative to <paramref name="Directory"/>, '/'-separated.</param>
public sealed record FuzzSeed(string Name, string Directory, IReadOnlyList<string> ConfigFiles)
{
    /// <summary>
    /// Copies the seed (without generated output) into <paramref name="target"/>, so a case may rewrite one of its files;
    /// the files beside the config (package.json, lock files…) come along because a config may name them.
    /// </summary>
    public void CopyTo(string target)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Directory, file);
            var top = relative.Split(Path.DirectorySeparatorChar)[0];
            if (top is ".github" or ".circleci" or "node_modules")
            {
                continue;
            }

            var destination = Path.Combine(target, relative);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }
}

/// <summary>The repository's real valid configs: the examples and the real-project end-to-end fixtures.</summary>
public static class FuzzSeeds
{
    public const string SeedVariable = "CIGEN_FUZZ_SEED";

    /// <summary>The fixed default seed, or <see cref="SeedVariable"/> when it is set.</summary>
    public static int Seed(int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), out var seed) ? seed : fallback;

    public static IReadOnlyList<FuzzSeed> All { get; } = Find();

    private static IReadOnlyList<FuzzSeed> Find()
    {
        string[] names =
        [
            "examples/inline", "examples/split", "examples/turborepo-monorepo",
            "tests/CIGen.EndToEnd.Tests/Fixtures/real/fd", "tests/CIGen.EndToEnd.Tests/Fixtures/real/logfire",
            "tests/CIGen.EndToEnd.Tests/Fixtures/real/vue",
        ];
        var seeds = new List<FuzzSeed>();
        foreach (var name in names)
        {
            var directory = Path.Combine(RepositoryPaths.Root, name);
            var split = Path.Combine(directory, ".cigen");
            IEnumerable<string> files = System.IO.Directory.Exists(split)
                ? System.IO.Directory.EnumerateFiles(split, "*.yml", SearchOption.AllDirectories)
                : [Path.Combine(directory, "cigen.yml")];
            seeds.Add(new FuzzSeed(name, directory,
                [.. files.Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/')).Order(StringComparer.Ordinal)]));
        }

        return seeds;
    }
}
