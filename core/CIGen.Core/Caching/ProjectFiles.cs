using System.Collections.Concurrent;
using CIGen.Core.Files;

namespace CIGen.Core.Caching;

/// <summary>The repository as cigen sees it at generate time: the files at the project root, and file contents.</summary>
/// <param name="root">The project root: the directory holding <c>.cigen/</c> or <c>cigen.yml</c>.</param>
internal sealed class ProjectFiles(string root)
{
    /// <summary>How deep below the root <see cref="DirectoriesWith"/> looks: <c>apps/api/server</c> at most.</summary>
    public const int SearchDepth = 3;

    /// <summary>Directories never searched: dependencies, build output, and dot-directories (<c>.git</c>, <c>.venv</c>).</summary>
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "node_modules", "vendor", "target", "dist", "build" };

    /// <summary>
    /// The parsed detection globs, shared by every instance: the same few globs (the built-in packages' <c>Detect</c>)
    /// are tried in every directory of every load, and building a glob's regex costs far more than matching it.
    /// </summary>
    private static readonly ConcurrentDictionary<string, GlobSet> ParsedGlobs = new(StringComparer.Ordinal);

    /// <summary>Past this many distinct globs the cache is dropped, so it stays small whatever configs a process loads.</summary>
    private const int ParsedGlobsLimit = 1_000;

    private IReadOnlyList<string>? rootNames;

    /// <summary>The same view of a directory below the root (<c>apps/api</c>); null or empty: the root itself.</summary>
    public ProjectFiles In(string? directory) =>
        string.IsNullOrEmpty(directory) ? this : new ProjectFiles(Path.Combine(root, directory));

    /// <summary>
    /// The directories below the root, at most <see cref="SearchDepth"/> levels down, holding a file that matches
    /// one of <paramref name="globs"/>: relative, '/'-separated, in ordinal order; the root itself is not included.
    /// </summary>
    public IReadOnlyList<string> DirectoriesWith(IReadOnlyList<string> globs)
    {
        var found = new List<string>();
        Search(root, "", 1);
        return [.. found.Order(StringComparer.Ordinal)];

        void Search(string directory, string relative, int depth)
        {
            IEnumerable<string> children;
            try
            {
                children = Directory.EnumerateDirectories(directory).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return;
            }

            foreach (var child in children)
            {
                var name = Path.GetFileName(child);
                if (name.StartsWith('.') || Skipped.Contains(name) || new FileInfo(child).LinkTarget is not null)
                {
                    continue;
                }

                var path = relative.Length == 0 ? name : $"{relative}/{name}";
                if (new ProjectFiles(child).Any(globs))
                {
                    found.Add(path);
                }

                if (depth < SearchDepth)
                {
                    Search(child, path, depth + 1);
                }
            }
        }
    }

    /// <summary>Names of the regular files at the root matching a glob (<see cref="GlobSet"/>: <c>*</c>, <c>?</c>, <c>{a,b}</c>), in ordinal order.</summary>
    public IReadOnlyList<string> Matching(string glob)
    {
        var pattern = Parsed(glob);
        return [.. RootNames().Where(n => pattern.IsMatch(n))];
    }

    private static GlobSet Parsed(string glob)
    {
        if (ParsedGlobs.TryGetValue(glob, out var parsed))
        {
            return parsed;
        }

        if (ParsedGlobs.Count >= ParsedGlobsLimit)
        {
            ParsedGlobs.Clear();
        }

        return ParsedGlobs.GetOrAdd(glob, g => GlobSet.Parse([g]));
    }

    public bool Any(IEnumerable<string> globs) => globs.Any(g => Matching(g).Count > 0);

    /// <summary>The text of a file relative to the root; null when it does not exist or cannot be read.</summary>
    public string? Read(string relativePath)
    {
        var path = Path.GetFullPath(relativePath, root);
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private IReadOnlyList<string> RootNames() =>
        rootNames ??= Directory.Exists(root)
            ? [.. Directory.EnumerateFiles(root).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)]
            : [];
}
