using System.Text;
using CIGen.Provider.Sdk.Patterns;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>
/// GitHub's branch and tag filter patterns as CircleCI branch/tag specifiers. A pattern without special characters is
/// an exact name on both platforms and stays as written. Any other becomes the SDK's <see cref="FilterPattern"/>
/// expression between slashes (Java reads it as bash does): <c>v*</c> → <c>/^v[^/]*$/</c>, <c>release/**</c> →
/// <c>/^release/.*$/</c>. <see cref="Literal(string)"/> is the one escaping rule for the ref regexes conditions give.
/// </summary>
internal static class RefPatterns
{
    private const string Special = "*?+[]\\";

    /// <summary>The characters a Java (and .NET) regular expression gives a meaning; a backslash makes them literal.</summary>
    private const string RegexMeta = @".^$|(){}\*+?[]";

    /// <returns>The specifier, or null with <paramref name="error"/> saying why the pattern is no filter pattern.</returns>
    public static string? ToCircleCi(string pattern, out string? error)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.AsSpan().IndexOfAny(Special) < 0)
        {
            error = null;
            return pattern;
        }

        // The callers take a leading `!` off as GitHub does; one left here is the character itself.
        var compiled = FilterPattern.TryCompile(pattern.StartsWith('!') ? "\\" + pattern : pattern, out var filter, out error);
        return compiled ? $"/{filter!.Regex}/" : null;
    }

    /// <summary>A regular expression matching <paramref name="text"/> itself: every character in <see cref="RegexMeta"/> escaped.</summary>
    public static string Literal(string text)
    {
        var regex = new StringBuilder();
        foreach (var c in text)
        {
            Literal(regex, c);
        }

        return regex.ToString();
    }

    /// <summary>Text that <see cref="Literal(string)"/> could have written: no character in <see cref="RegexMeta"/> unescaped.</summary>
    public static bool IsLiteral(string regex)
    {
        for (var i = 0; i < regex.Length; i++)
        {
            if (regex[i] == '\\')
            {
                // A backslash escapes the next character; one at the end escaped what follows the literal.
                if (++i == regex.Length)
                {
                    return false;
                }
            }
            else if (RegexMeta.Contains(regex[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static void Literal(StringBuilder regex, char c)
    {
        if (RegexMeta.Contains(c))
        {
            regex.Append('\\');
        }

        regex.Append(c);
    }
}
