using System.Text;
using System.Text.RegularExpressions;

namespace CIGen.Core.Files;

/// <summary>
/// A list of globs (a leading <c>!</c> excludes) matched against relative, '/'-separated file paths, with the same
/// answer in .NET (<see cref="IsMatch"/>) and in the shell (<see cref="IncludeEre"/> / <see cref="ExcludeEre"/> with
/// <c>LC_ALL=C grep -zE</c>): a path matches when an include matches it and no exclude does.
/// </summary>
/// <remarks>
/// Rules: <c>**</c> as a whole segment spans any number of directories, none included; <c>*</c> and <c>?</c> stay
/// within a segment; <c>{a,b}</c> alternates (<see cref="Globs.ExpandBraces"/>); <c>[abc]</c>, <c>[a-z]</c>,
/// <c>[!abc]</c> / <c>[^abc]</c> are classes of printable ASCII (any other bracket is literal); <c>\x</c> is a literal x;
/// dotfiles match like any name; a leading <c>./</c> or <c>/</c> is dropped and a trailing <c>/</c> means everything
/// under that directory. Both sides compare UTF-8 bytes, as grep does under <c>LC_ALL=C</c>: <c>?</c> and a negated
/// class match one byte, so a non-ASCII character is matched by <c>*</c> or literally.
/// </remarks>
public sealed class GlobSet
{
    private const string NeverMatchesEre = "^$";

    // Built on the first IsMatch: a NonBacktracking regex costs milliseconds to construct, and most sets (hash inputs,
    // cache key digests, source file groups) are only ever turned into ERE text for the shell.
    private Regex? _include;
    private Regex? _exclude;
    private bool _compiled;

    private GlobSet(IReadOnlyList<string> includes, IReadOnlyList<string> excludes)
    {
        Includes = includes;
        Excludes = excludes;
    }

    // Each translated once, on first use: a glob can be megabytes long, and a set is asked for its EREs several times.
    private IReadOnlyList<string>? _includeEres;
    private IReadOnlyList<string>? _excludeEres;
    private string? _includeEre;
    private string? _excludeEre;

    /// <summary>The include globs, braces expanded, duplicates removed, in written order.</summary>
    public IReadOnlyList<string> Includes { get; }

    /// <summary>The exclude globs without their <c>!</c>, braces expanded, duplicates removed, in written order.</summary>
    public IReadOnlyList<string> Excludes { get; }

    /// <summary>Each include glob as an unanchored POSIX ERE: <see cref="IncludeEre"/> is <c>^(E1|E2|…)$</c>.</summary>
    public IReadOnlyList<string> IncludeEres => _includeEres ??= [.. Includes.Select(g => GlobTranslation.Translate(g, GlobTranslation.Dialect.Ere))];

    /// <summary>Each exclude glob as an unanchored POSIX ERE.</summary>
    public IReadOnlyList<string> ExcludeEres => _excludeEres ??= [.. Excludes.Select(g => GlobTranslation.Translate(g, GlobTranslation.Dialect.Ere))];

    /// <summary>An anchored POSIX ERE matching the included paths (<c>^$</c>, which no path matches, when there are none).</summary>
    public string IncludeEre => Includes.Count == 0 ? NeverMatchesEre : _includeEre ??= Ere(IncludeEres);

    /// <summary>An anchored POSIX ERE matching the excluded paths, or null when nothing is excluded.</summary>
    public string? ExcludeEre => Excludes.Count == 0 ? null : _excludeEre ??= Ere(ExcludeEres);

    public static GlobSet Parse(IEnumerable<string> globs)
    {
        var includes = new List<string>();
        var excludes = new List<string>();
        foreach (var glob in globs)
        {
            var (target, text) = glob.StartsWith('!') ? (excludes, glob[1..]) : (includes, glob);
            foreach (var expanded in Globs.ExpandBraces(text))
            {
                if (!target.Contains(expanded, StringComparer.Ordinal))
                {
                    target.Add(expanded);
                }
            }
        }

        return new GlobSet(includes, excludes);
    }

    /// <summary>Whether a relative, '/'-separated path (no <c>./</c>) is selected.</summary>
    public bool IsMatch(string relativePath) => IsMatch(relativePath.AsSpan());

    /// <inheritdoc cref="IsMatch(string)"/>
    public bool IsMatch(ReadOnlySpan<char> relativePath)
    {
        if (Includes.Count == 0)
        {
            return false;
        }

        Compile();

        // The regexes see the path's UTF-8 bytes, one char per byte, as grep does under LC_ALL=C.
        var bytes = Ascii.IsValid(relativePath) ? relativePath : Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(relativePath.ToString()));
        return _include!.IsMatch(bytes) && (_exclude is null || !_exclude.IsMatch(bytes));
    }

    /// <summary>Builds the regexes once; a race between threads builds equal ones twice, which is harmless.</summary>
    private void Compile()
    {
        if (Volatile.Read(ref _compiled))
        {
            return;
        }

        _exclude = Excludes.Count == 0 ? null : DotNet(Excludes);
        _include = DotNet(Includes);
        Volatile.Write(ref _compiled, true);
    }

    private static string Ere(IReadOnlyList<string> eres) => "^(" + string.Join('|', eres) + ")$";

    private static Regex DotNet(IReadOnlyList<string> globs) => new(
        @"\A(?:" + string.Join('|', globs.Select(g => GlobTranslation.Translate(g, GlobTranslation.Dialect.DotNet))) + @")\z",
        RegexOptions.CultureInvariant | RegexOptions.Singleline | RegexOptions.NonBacktracking);
}
