using System.Text;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>
/// GitHub's branch and tag filter patterns as CircleCI branch/tag specifiers. A pattern without special characters is
/// an exact name on both platforms and stays as written. Any other becomes an anchored Java regular expression between
/// slashes, with GitHub's meaning: <c>*</c> → <c>[^/]*</c> (not across <c>/</c>), <c>**</c> → <c>.*</c>, <c>?</c> and
/// <c>+</c> apply to the character before them as in a regex, <c>[a-z]</c> stays a character class, <c>\x</c> is the
/// character x, and everything else matches itself: <c>v*</c> → <c>/^v[^/]*$/</c>, <c>release/**</c> →
/// <c>/^release/.*$/</c>. <see cref="Literal(string)"/> is the one escaping rule for every CircleCI ref regex.
/// </summary>
internal static class RefPatterns
{
    private const string Special = "*?+[]\\";

    /// <summary>The characters a Java (and .NET) regular expression gives a meaning; a backslash makes them literal.</summary>
    private const string RegexMeta = @".^$|(){}\*+?[]";

    public static string ToCircleCi(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.AsSpan().IndexOfAny(Special) < 0)
        {
            return pattern;
        }

        var regex = new StringBuilder("/^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    regex.Append(".*");
                    i++;
                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?' or '+':
                    regex.Append(c);
                    break;
                case '[':
                    var close = pattern.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        regex.Append(@"\[");
                        break;
                    }

                    regex.Append(pattern, i, close - i + 1);
                    i = close;
                    break;
                case '\\' when i + 1 < pattern.Length:
                    i++;
                    Literal(regex, pattern[i]);
                    break;
                default:
                    Literal(regex, c);
                    break;
            }
        }

        return regex.Append("$/").ToString();
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
