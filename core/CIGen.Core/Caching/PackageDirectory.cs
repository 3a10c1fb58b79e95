namespace CIGen.Core.Caching;

/// <summary>
/// A package's directory (<c>apps/api</c>): relative to the project root, '/'-separated, inside the repository. Paths
/// of the package's files and caches are relative to it; <see cref="Prefix"/> makes them relative to the root.
/// </summary>
internal static class PackageDirectory
{
    /// <summary>
    /// <paramref name="text"/> in canonical form (<c>./apps//api/</c> → <c>apps/api</c>, <c>./</c> → <c>.</c>), or
    /// null with the reason it is not a directory inside the project.
    /// </summary>
    public static (string? Path, string? Problem) Normalise(string text)
    {
        if (text.Contains('\\'))
        {
            return (null, "uses '\\'; write '/' between directories");
        }

        if (text.StartsWith('/') || text.StartsWith('~') || text.StartsWith('$') || (text.Length > 1 && text[1] == ':'))
        {
            return (null, "is not relative; write the directory relative to the project root (the directory holding .cigen/ or cigen.yml)");
        }

        var segments = text.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != ".").ToList();
        if (segments.Contains(".."))
        {
            return (null, "leaves the project root ('..'); the package must live inside the repository");
        }

        return (segments.Count == 0 ? PackageResolver.RootPath : string.Join('/', segments), null);
    }

    /// <summary>
    /// A path or glob relative to the package's directory, made relative to the root: <c>vendor/bundle</c> →
    /// <c>apps/api/vendor/bundle</c>, <c>!x</c> → <c>!apps/api/x</c>. Home (<c>~/…</c>), absolute and <c>$VAR</c>
    /// paths are left alone, as is everything when the package is at the root.
    /// </summary>
    public static string Prefix(string? directory, string path)
    {
        if (string.IsNullOrEmpty(directory))
        {
            return path;
        }

        if (path.StartsWith('!'))
        {
            return "!" + Prefix(directory, path[1..]);
        }

        if (path.StartsWith('~') || path.StartsWith('/') || path.StartsWith('$') || (path.Length > 1 && path[1] == ':'))
        {
            return path;
        }

        var relative = path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path;
        return relative.Length == 0 || relative == "." ? directory : $"{directory}/{relative}";
    }
}
