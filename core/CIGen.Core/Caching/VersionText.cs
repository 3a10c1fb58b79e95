using System.Text.RegularExpressions;
using CIGen.Protocol;

namespace CIGen.Core.Caching;

/// <summary>
/// Reads a version out of a file at generate time with the same rules the key_values script applies at run time
/// (docs/config.md, "Version sources"): with a pattern, the first line that matches (group 1 if any, else the whole
/// match); without, the first non-empty line not starting with '#'; then the first <c>[0-9]+(\.[0-9]+)*</c>.
/// </summary>
internal static partial class VersionText
{
    /// <summary><c>v20.11.0</c> → <c>20.11.0</c>, <c>ruby-3.3.5</c> → <c>3.3.5</c>; null when there is no number.</summary>
    public static string? Normalise(string text) => Number().Match(text) is { Success: true } match ? match.Value : null;

    /// <summary>The normalised version the probes of <paramref name="file"/> find in <paramref name="content"/>, tried in order.</summary>
    public static string? FromFile(string content, IEnumerable<VersionProbe> probes)
    {
        var lines = content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        foreach (var probe in probes)
        {
            if (Read(lines, probe.Pattern) is { } found && Normalise(found) is { } version)
            {
                return version;
            }
        }

        return null;
    }

    /// <summary>
    /// The version as the file writes it, for setting it up, from the first probe that finds anything: <c>pypy3.10</c>,
    /// <c>3.14t</c>, <c>lts/iron</c> and <c>nightly</c> stay what they are (an image chosen by the <see cref="Normalise"/>d
    /// number would be another interpreter, or none); only a <c>v</c> before a number and Ruby's <c>ruby-</c> prefix,
    /// which name nothing of their own, are dropped.
    /// </summary>
    public static string? Wanted(string content, IEnumerable<VersionProbe> probes)
    {
        var lines = content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        foreach (var probe in probes)
        {
            if (Read(lines, probe.Pattern) is { } found && found.Trim() is { Length: > 0 } text)
            {
                return RedundantPrefix().Replace(text, "");
            }
        }

        return null;
    }

    private static string? Read(string[] lines, string? pattern)
    {
        if (pattern is null)
        {
            // As cigen_file: a line with a non-blank character, '#' tested on the line as written (untrimmed).
            return lines.FirstOrDefault(l => !string.IsNullOrWhiteSpace(l) && !l.StartsWith('#'));
        }

        var regex = new Regex(FromPosix(pattern), RegexOptions.CultureInvariant);
        foreach (var line in lines)
        {
            if (regex.Match(line) is { Success: true } match)
            {
                return match.Groups.Count > 1 && match.Groups[1].Success ? match.Groups[1].Value : match.Value;
            }
        }

        return null;
    }

    /// <summary>POSIX ERE as bash's <c>=~</c> reads it, in .NET syntax: character classes are the only difference that matters here.</summary>
    private static string FromPosix(string pattern) => pattern
        .Replace("[:space:]", @"\s", StringComparison.Ordinal)
        .Replace("[:digit:]", "0-9", StringComparison.Ordinal)
        .Replace("[:alpha:]", "A-Za-z", StringComparison.Ordinal)
        .Replace("[:alnum:]", "A-Za-z0-9", StringComparison.Ordinal)
        .Replace("[:upper:]", "A-Z", StringComparison.Ordinal)
        .Replace("[:lower:]", "a-z", StringComparison.Ordinal);

    [GeneratedRegex(@"[0-9]+(\.[0-9]+)*")]
    private static partial Regex Number();

    [GeneratedRegex(@"^(v|ruby-)(?=[0-9])")]
    private static partial Regex RedundantPrefix();
}
