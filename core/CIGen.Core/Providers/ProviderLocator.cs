using CIGen.Core.Config;
using CIGen.Core.Generation;
using CIGen.Protocol;

namespace CIGen.Core.Providers;

/// <summary>A directory searched for provider executables, and why it is searched (shown when nothing is found).</summary>
public sealed record SearchDirectory(string Path, string Origin);

/// <summary>
/// Finds <c>cigen-provider-NAME</c> executables: in the configured directories (<c>provider_path</c>), then
/// <c>CIGEN_PROVIDER_PATH</c>, then beside the running cigen (first-party providers ship there), then on PATH.
/// The first match wins.
/// </summary>
public sealed class ProviderLocator(IReadOnlyList<SearchDirectory> searchDirectories)
{
    public const string SearchPathVariable = "CIGEN_PROVIDER_PATH";

    public IReadOnlyList<SearchDirectory> SearchDirectories { get; } = searchDirectories;

    /// <param name="configuredDirectories">Absolute directories from the config's <c>provider_path</c>.</param>
    /// <param name="getEnvironment">Reads an environment variable; tests pass their own.</param>
    public static ProviderLocator ForCurrentProcess(IReadOnlyList<string> configuredDirectories, Func<string, string?>? getEnvironment = null)
    {
        getEnvironment ??= Environment.GetEnvironmentVariable;
        var directories = new List<SearchDirectory>();
        directories.AddRange(configuredDirectories.Select(d => new SearchDirectory(d, "provider_path")));
        directories.AddRange(SplitPathList(getEnvironment(SearchPathVariable)).Select(d => new SearchDirectory(d, SearchPathVariable)));
        directories.Add(new SearchDirectory(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar), "beside cigen"));
        directories.AddRange(SplitPathList(getEnvironment("PATH")).Select(d => new SearchDirectory(d, "PATH")));
        return new ProviderLocator(directories);
    }

    /// <summary>True when the user wrote a path to an executable rather than a provider name.</summary>
    public static bool IsPath(string nameOrPath) =>
        nameOrPath.Contains('/') || nameOrPath.Contains(Path.DirectorySeparatorChar);

    /// <summary>The executable for a provider name (aliases allowed) or an explicit path.</summary>
    /// <param name="baseDirectory">What a relative explicit path is relative to.</param>
    /// <exception cref="ProviderException">Nothing found; the message lists where it looked.</exception>
    public ProviderExecutable Find(string nameOrPath, string baseDirectory)
    {
        if (IsPath(nameOrPath))
        {
            var path = Path.GetFullPath(Path.Combine(baseDirectory, nameOrPath));
            return IsExecutableFile(path)
                ? new ProviderExecutable(NameFromFile(path), path)
                : throw new ProviderException(
                    GenerationCodes.ProviderNotFound,
                    File.Exists(path)
                        ? $"provider '{nameOrPath}' is not executable: {path} (make it executable, e.g. chmod +x)."
                        : $"provider '{nameOrPath}' not found: no file {path}.");
        }

        var canonical = ProviderNames.Canonical(nameOrPath);
        var fileName = ExecutableFileName(canonical);
        foreach (var directory in SearchDirectories)
        {
            var candidate = Path.Combine(directory.Path, fileName);
            if (IsExecutableFile(candidate))
            {
                return new ProviderExecutable(canonical, Path.GetFullPath(candidate));
            }
        }

        var known = ProviderNames.Known.Concat(FindAll().Select(p => p.Name)).Distinct(StringComparer.Ordinal);
        var places = string.Join(Environment.NewLine, SearchDirectories.Select(d => $"  {d.Path} ({d.Origin})"));
        throw new ProviderException(
            GenerationCodes.ProviderNotFound,
            $"provider '{nameOrPath}' not found{Suggestions.DidYouMean(nameOrPath, known)}" +
            $"{Environment.NewLine}No executable {fileName} in:{Environment.NewLine}{places}{Environment.NewLine}" +
            $"Put the provider in one of these directories, add its directory to {SearchPathVariable} or to provider_path in the config, " +
            "or pass the path of the executable to --provider.");
    }

    /// <summary>Every provider executable in the search directories, one per name (the first found), by name.</summary>
    public IReadOnlyList<ProviderExecutable> FindAll()
    {
        var found = new Dictionary<string, ProviderExecutable>(StringComparer.Ordinal);
        foreach (var directory in SearchDirectories)
        {
            if (!Directory.Exists(directory.Path))
            {
                continue;
            }

            IEnumerable<string> files;
            try
            {
                files = Directory.EnumerateFiles(directory.Path, ProtocolInfo.ExecutablePrefix + "*").Order(StringComparer.Ordinal).ToList();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var file in files)
            {
                var name = NameFromFile(file);
                if (IsProviderName(name) && file.EndsWith(ExecutableFileName(name), StringComparison.Ordinal) && IsExecutableFile(file))
                {
                    found.TryAdd(name, new ProviderExecutable(name, Path.GetFullPath(file)));
                }
            }
        }

        return found.Values.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
    }

    public static string ExecutableFileName(string canonicalName) =>
        ProtocolInfo.ExecutablePrefix + canonicalName + (OperatingSystem.IsWindows() ? ".exe" : "");

    private static string NameFromFile(string path)
    {
        var name = OperatingSystem.IsWindows() ? Path.GetFileNameWithoutExtension(path) : Path.GetFileName(path);
        return name.StartsWith(ProtocolInfo.ExecutablePrefix, StringComparison.Ordinal) ? name[ProtocolInfo.ExecutablePrefix.Length..] : name;
    }

    // Skips the build's side files (cigen-provider-github.dll, .pdb, .deps.json) that share the prefix.
    private static bool IsProviderName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static bool IsExecutableFile(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & anyExecute) != 0;
    }

    private static IEnumerable<string> SplitPathList(string? value) =>
        string.IsNullOrEmpty(value)
            ? []
            : value.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
