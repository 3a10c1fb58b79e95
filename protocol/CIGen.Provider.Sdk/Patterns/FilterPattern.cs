using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace CIGen.Provider.Sdk.Patterns;

/// <summary>
/// One filter pattern of a config (GitHub's filter pattern cheat sheet: paths, branches, tags) as an anchored regular
/// expression in the syntax POSIX extended expressions and Java's share, so every provider reads patterns alike: the
/// GitHub provider's path filter script matches changed files against it with bash's <c>=~</c> under
/// <c>LC_ALL=C</c>, the CircleCI provider writes branch and tag filters with it. The pattern must match the whole name:
/// <list type="bullet">
/// <item><c>*</c> is any run of characters but <c>/</c> (<c>[^/]*</c>); <c>**</c> any run of characters
/// (<c>.*</c>); <c>**/</c> any run of directories, none included (<c>(.*/)?</c>), so <c>docs/**/*.md</c> matches
/// <c>docs/a.md</c>.</item>
/// <item><c>?</c> and <c>+</c> make the character (or bracket) before them optional or repeatable; before them a
/// wildcard already matches any run, so they add nothing, and at the start they are the character itself.</item>
/// <item><c>[…]</c> is one of the ASCII letters and digits listed, or of the ranges <c>a-z</c>, <c>A-Z</c>,
/// <c>0-9</c> (or parts of them).</item>
/// <item><c>!</c> first negates the pattern (<see cref="Negated"/>); anywhere else it is the character.</item>
/// <item><c>\</c> makes the next character plain; every other character is itself.</item>
/// </list>
/// </summary>
/// <param name="Negated">The pattern started with <c>!</c>: a file it matches is taken back from the patterns before it.</param>
/// <param name="Regex">The expression, <c>^</c> to <c>$</c>, without the <c>!</c>.</param>
public sealed record FilterPattern(bool Negated, string Regex)
{
    /// <summary>The characters a POSIX ERE gives a meaning outside brackets (<c>]</c> and <c>}</c> alone are plain).</summary>
    private const string Special = @".[\()*+?{|^$";

    /// <summary>The pattern's line in the script's list: the expression, after a <c>!</c> when negated.</summary>
    public string Line => Negated ? "!" + Regex : Regex;

    /// <summary>Compiles <paramref name="pattern"/>, or says why it is no filter pattern.</summary>
    public static bool TryCompile(string pattern, [NotNullWhen(true)] out FilterPattern? compiled, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var negated = pattern.StartsWith('!');
        var body = negated ? pattern[1..] : pattern;
        compiled = null;
        error = body.Length == 0 ? "it is empty, so it matches no file" : null;
        var regex = new StringBuilder("^");
        var atom = new Atom(regex);
        for (var i = 0; error is null && i < body.Length; i++)
        {
            var c = body[i];
            switch (c)
            {
                case '*' when At(body, i + 1, '*') && At(body, i + 2, '/'):
                    atom.Wildcard("(.*/)?");
                    i += 2;
                    break;
                case '*' when At(body, i + 1, '*'):
                    atom.Wildcard(".*");
                    i++;
                    break;
                case '*':
                    atom.Wildcard("[^/]*");
                    break;
                case '?' or '+':
                    atom.Quantify(c);
                    break;
                case '[':
                    var end = body.IndexOf(']', i + 1);
                    error = end < 0 ? "its '[' has no ']'" : BracketError(body[(i + 1)..end]);
                    if (error is null)
                    {
                        atom.Set(body[i..(end + 1)]);
                        i = end;
                    }

                    break;
                case '\\' when i + 1 < body.Length:
                    atom.Set(Plain(body[++i]));
                    break;
                case '\\':
                    error = "it ends with '\\', which escapes nothing";
                    break;
                default:
                    atom.Set(Plain(c));
                    break;
            }
        }

        if (error is not null)
        {
            return false;
        }

        atom.Flush();
        compiled = new FilterPattern(negated, regex.Append('$').ToString());
        return true;
    }

    private static bool At(string text, int index, char c) => index < text.Length && text[index] == c;

    private static string Plain(char c) => Special.Contains(c, StringComparison.Ordinal) ? $"\\{c}" : c.ToString();

    /// <summary>Why the inside of <c>[…]</c> is not ASCII letters and digits with ranges of one kind, or null.</summary>
    private static string? BracketError(string inside)
    {
        if (inside.Length == 0)
        {
            return "its '[]' lists no character";
        }

        for (var i = 0; i < inside.Length; i++)
        {
            if (i + 2 < inside.Length && inside[i + 1] == '-')
            {
                var (from, to) = (inside[i], inside[i + 2]);
                if (Kind(from) is null || Kind(from) != Kind(to) || from > to)
                {
                    return $"its range '{from}-{to}' in '[{inside}]' is not within a-z, A-Z or 0-9";
                }

                i += 2;
            }
            else if (Kind(inside[i]) is null)
            {
                return $"'[{inside}]' holds '{inside[i]}', but brackets list only letters, digits and ranges of them";
            }
        }

        return null;
    }

    private static char? Kind(char c) => c switch
    {
        >= 'a' and <= 'z' => 'a',
        >= 'A' and <= 'Z' => 'A',
        >= '0' and <= '9' => '0',
        _ => null,
    };

    /// <summary>
    /// The last character or bracket, held back until it is known whether <c>?</c> or <c>+</c> follow it; a wildcard
    /// is written at once and swallows them.
    /// </summary>
    private sealed class Atom(StringBuilder regex)
    {
        private string? text;
        private char quantifier;
        private bool afterWildcard;

        public void Set(string atom)
        {
            Flush();
            text = atom;
        }

        public void Wildcard(string expression)
        {
            Flush();
            regex.Append(expression);
            afterWildcard = true;
        }

        /// <summary><c>?</c> then <c>+</c> (or the other way round) is any number: <c>*</c>; twice the same is once.</summary>
        public void Quantify(char c)
        {
            if (text is not null)
            {
                quantifier = quantifier == '\0' || quantifier == c ? c : '*';
            }
            else if (!afterWildcard)
            {
                // Nothing before it: the pattern starts with it.
                text = Plain(c);
            }
        }

        public void Flush()
        {
            if (text is not null)
            {
                regex.Append(text);
                if (quantifier != '\0')
                {
                    regex.Append(quantifier);
                }
            }

            text = null;
            quantifier = '\0';
            afterWildcard = false;
        }
    }
}
