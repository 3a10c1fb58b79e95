namespace CIGen.Core.Config;

public static class ConfigLocator
{
    public const string InlineFileName = "cigen.yml";

    public const string SplitDirectoryName = ".cigen";

    private static readonly string[] SplitMarkers = ["workflows", "commands", "config"];

    /// <summary>The explicit path if given, else <c>cigen.yml</c> or <c>.cigen/</c> in <paramref name="currentDirectory"/>.</summary>
    /// <remarks>
    /// A directory is a split config. A file is an inline config, except <c>.cigen/config.yml</c> beside
    /// workflows/, commands/ or config/: that is the split config it belongs to, not a config of its own.
    /// </remarks>
    public static ConfigLocation? Find(string currentDirectory, string? explicitPath)
    {
        var cwd = Path.GetFullPath(currentDirectory);
        if (explicitPath is not null)
        {
            var path = Path.TrimEndingDirectorySeparator(Path.GetFullPath(explicitPath, cwd));
            if (Directory.Exists(path))
            {
                return Split(path);
            }

            if (!File.Exists(path))
            {
                return null;
            }

            var directory = Path.GetDirectoryName(path)!;
            if (Path.GetFileName(directory) == SplitDirectoryName)
            {
                return Path.GetFileName(path) == "config.yml" && SplitMarkers.Any(m => Directory.Exists(Path.Combine(directory, m)))
                    ? Split(directory)
                    : new ConfigLocation(path, Path.GetDirectoryName(directory)!, IsSplit: false);
            }

            return new ConfigLocation(path, directory, IsSplit: false);
        }

        var inline = Path.Combine(cwd, InlineFileName);
        if (File.Exists(inline))
        {
            return new ConfigLocation(inline, cwd, IsSplit: false);
        }

        var split = Path.Combine(cwd, SplitDirectoryName);
        return Directory.Exists(split) ? Split(split) : null;
    }

    /// <summary>The output root of a split config is the directory holding <c>.cigen</c>.</summary>
    private static ConfigLocation Split(string directory) =>
        new(directory, Path.GetDirectoryName(directory) ?? directory, IsSplit: true);
}
