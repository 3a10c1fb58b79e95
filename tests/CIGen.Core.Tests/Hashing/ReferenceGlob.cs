using System.Text;

namespace CIGen.Core.Tests.Hashing;

/// <summary>
/// The glob rules of docs/config.md, written again as plainly as possible — a backtracking matcher over UTF-8 bytes,
/// sharing no code with GlobSet — so the property test has a third opinion on which files a job selects.
/// Covers what the test generates: <c>**</c> segments, <c>*</c>, <c>?</c>, <c>[..]</c> classes, <c>{a,b}</c>, <c>\x</c>, <c>!</c>.
/// </summary>
internal static class ReferenceGlob
{
    public static bool Selects(IEnumerable<string> globs, string path)
    {
        var included = false;
        foreach (var glob in globs)
        {
            var exclude = glob.StartsWith('!');
            var matches = Alternatives(exclude ? glob[1..] : glob).Any(g => Matches(g.Split('/'), 0, path.Split('/'), 0));
            if (matches && exclude)
            {
                return false;
            }

            included |= matches;
        }

        return included;
    }

    /// <summary>Brace expansion: the first unescaped <c>{</c> whose matching <c>}</c> has a comma at its level.</summary>
    private static IEnumerable<string> Alternatives(string glob)
    {
        for (var open = 0; open < glob.Length; open++)
        {
            if (glob[open] == '\\')
            {
                open++;
                continue;
            }

            if (glob[open] != '{')
            {
                continue;
            }

            var parts = new List<string>();
            var depth = 0;
            var start = open + 1;
            for (var i = open + 1; i < glob.Length; i++)
            {
                if (glob[i] == '\\')
                {
                    i++;
                }
                else if (glob[i] == '{')
                {
                    depth++;
                }
                else if (glob[i] == '}' && depth > 0)
                {
                    depth--;
                }
                else if (glob[i] == ',' && depth == 0)
                {
                    parts.Add(glob[start..i]);
                    start = i + 1;
                }
                else if (glob[i] == '}')
                {
                    if (parts.Count == 0)
                    {
                        break;
                    }

                    parts.Add(glob[start..i]);
                    var rest = glob[(i + 1)..];
                    return parts.SelectMany(p => Alternatives(glob[..open] + p + rest));
                }
            }
        }

        return [glob];
    }

    private static bool Matches(string[] glob, int g, string[] path, int p)
    {
        if (g == glob.Length)
        {
            return p == path.Length;
        }

        if (glob[g] == "**")
        {
            // A trailing ** needs at least one more segment: "dir/**" is what is under dir, not dir itself.
            return g == glob.Length - 1
                ? p < path.Length
                : Enumerable.Range(p, path.Length - p + 1).Any(k => Matches(glob, g + 1, path, k));
        }

        return p < path.Length && Segment(glob[g], 0, Encoding.UTF8.GetBytes(path[p]), 0) && Matches(glob, g + 1, path, p + 1);
    }

    private static bool Segment(string glob, int g, byte[] name, int n)
    {
        if (g == glob.Length)
        {
            return n == name.Length;
        }

        switch (glob[g])
        {
            case '*':
                return Enumerable.Range(n, name.Length - n + 1).Any(k => Segment(glob, g + 1, name, k));
            case '?':
                return n < name.Length && Segment(glob, g + 1, name, n + 1);
            case '[':
                var close = glob.IndexOf(']', g + 2);
                var negated = glob[g + 1] is '!' or '^';
                var members = glob[(negated ? g + 2 : g + 1)..close];
                var inClass = false;
                for (var i = 0; i < members.Length; i++)
                {
                    var (low, high) = i + 2 < members.Length && members[i + 1] == '-' ? (members[i], members[i += 2]) : (members[i], members[i]);
                    inClass |= n < name.Length && name[n] >= low && name[n] <= high;
                }

                return n < name.Length && name[n] != '/' && inClass != negated && Segment(glob, close + 1, name, n + 1);
            default:
                var at = glob[g] == '\\' ? g + 1 : g;
                var length = char.IsHighSurrogate(glob[at]) ? 2 : 1;
                var literal = Encoding.UTF8.GetBytes(glob.Substring(at, length));
                return name.AsSpan(n).StartsWith(literal) && Segment(glob, at + length, name, n + literal.Length);
        }
    }
}
