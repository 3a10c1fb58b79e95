using System.Text.RegularExpressions;

namespace CIGen.Core.Caching;

/// <summary>
/// The lowest version a project's range allows, in the spellings manifests use: PEP 440 (<c>&gt;=3.10,&lt;4</c>,
/// <c>~=3.11</c>, <c>==3.12.*</c>), npm (<c>^20.11 || &gt;=22</c>, <c>18.x</c>, <c>&gt;=18.0.0</c>), RubyGems
/// (<c>~&gt; 3.3.0</c>) and a bare version (Cargo's <c>rust-version = "1.88"</c>). Trailing zeros name the release
/// line: <c>&gt;=18.0.0</c> → <c>18</c>, so that the newest patch of it is set up rather than its first release.
/// </summary>
internal static partial class ManifestRange
{
    /// <param name="majorLines">A bare major is a release line (node 20); otherwise it says too little and gives null.</param>
    /// <returns>The lowest bound, or null when the range has none a toolchain could be set up from (<c>&lt;4</c>, <c>*</c>).</returns>
    public static string? LowerBound(string range, bool majorLines)
    {
        var bounds = range.Split("||")
            .Select(alternative => Comparators().Matches(alternative)
                .Where(c => c.Groups["op"].Value is "" or ">=" or "~=" or "==" or "=" or "^" or "~" or "~>")
                .Select(c => c.Groups["version"].Value)
                .FirstOrDefault())
            .OfType<string>()
            .ToList();
        if (bounds.Count == 0)
        {
            return null;
        }

        var lowest = Line(bounds.MinBy(Parts, PartsComparer.Instance)!);
        return majorLines || lowest.Contains('.') ? lowest : null;
    }

    /// <summary><c>18.0.0</c> → <c>18</c>, <c>3.10.0</c> → <c>3.10</c>, <c>1.88</c> stays.</summary>
    private static string Line(string version)
    {
        var parts = version.Split('.').ToList();
        while (parts.Count > 1 && parts[^1] == "0")
        {
            parts.RemoveAt(parts.Count - 1);
        }

        return string.Join('.', parts);
    }

    private static int[] Parts(string version) => [.. version.Split('.').Select(int.Parse)];

    private sealed class PartsComparer : IComparer<int[]>
    {
        public static readonly PartsComparer Instance = new();

        public int Compare(int[]? x, int[]? y)
        {
            for (var i = 0; i < Math.Min(x!.Length, y!.Length); i++)
            {
                if (x[i] != y[i])
                {
                    return x[i].CompareTo(y[i]);
                }
            }

            return x.Length.CompareTo(y.Length);
        }
    }

    // An operator, then a version whose wildcard tail (`.*`, `.x`) is left out; `v` prefixes are npm's.
    [GeneratedRegex(@"(?<op>>=|<=|~=|==|!=|~>|[<>=^~])?\s*v?(?<version>[0-9]+(?:\.[0-9]+)*)", RegexOptions.CultureInvariant)]
    private static partial Regex Comparators();
}
