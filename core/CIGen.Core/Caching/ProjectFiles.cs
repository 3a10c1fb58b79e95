using System.Text;
using System.Text.RegularExpressions;

namespace CIGen.Core.Caching;

/// <summary>The repository as cigen sees it at generate time: the files at the project root, and file contents.</summary>
/// <param name="root">The project root: the directory holding <c>.cigen/</c> or <c>cigen.yml</c>.</param>
internal sealed class ProjectFiles(string root)
{
    private IReadOnlyList<string>? rootNames;

    /// <summary>Names of the regular files at the root matching a glob (<c>*</c>, <c>?</c>), in ordinal order.</summary>
    public IReadOnlyList<string> Matching(string glob)
    {
        var pattern = RootGlob(glob);
        return [.. RootNames().Where(n => pattern.IsMatch(n))];
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

    private static Regex RootGlob(string glob)
    {
        var pattern = new StringBuilder("^");
        foreach (var c in glob)
        {
            pattern.Append(c switch
            {
                '*' => "[^/]*",
                '?' => "[^/]",
                _ => Regex.Escape(c.ToString()),
            });
        }

        return new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
