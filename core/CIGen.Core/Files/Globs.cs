namespace CIGen.Core.Files;

/// <summary>Glob syntax shared by <c>source_files</c> and cache checksum sources (docs/config.md, "Globs").</summary>
public static class Globs
{
    /// <summary><c>{a,b}</c> alternatives expanded, nested and repeated, in written order; a glob without braces is returned as is.</summary>
    /// <remarks>
    /// Bash's rules: a brace pair needs a comma at its own level to expand (<c>{a}</c> stays literal, braces inside it
    /// still expand), an unmatched brace is literal, and <c>\</c> escapes the next character (the backslash is kept,
    /// so the glob translation later reads it as an escape too).
    /// </remarks>
    public static IReadOnlyList<string> ExpandBraces(string glob)
    {
        ArgumentNullException.ThrowIfNull(glob);
        return Expand(glob);
    }

    private static List<string> Expand(string glob)
    {
        for (var open = 0; open < glob.Length; open++)
        {
            if (glob[open] == '\\')
            {
                open++;
                continue;
            }

            if (glob[open] != '{' || !TrySplit(glob, open, out var close, out var alternatives))
            {
                continue;
            }

            var prefix = glob[..open];
            var suffixes = Expand(glob[(close + 1)..]);
            var result = new List<string>();
            foreach (var alternative in alternatives)
            {
                foreach (var middle in Expand(alternative))
                {
                    foreach (var suffix in suffixes)
                    {
                        result.Add(string.Concat(prefix, middle, suffix));
                    }
                }
            }

            return result;
        }

        return [glob];
    }

    /// <summary>The alternatives of the brace pair opening at <paramref name="open"/>, when it is closed and has a comma.</summary>
    private static bool TrySplit(string glob, int open, out int close, out List<string> alternatives)
    {
        alternatives = [];
        var depth = 0;
        var start = open + 1;
        for (var i = open + 1; i < glob.Length; i++)
        {
            switch (glob[i])
            {
                case '\\':
                    i++;
                    break;
                case '{':
                    depth++;
                    break;
                case '}' when depth > 0:
                    depth--;
                    break;
                case '}':
                    close = i;
                    if (alternatives.Count == 0)
                    {
                        return false;
                    }

                    alternatives.Add(glob[start..i]);
                    return true;
                case ',' when depth == 0:
                    alternatives.Add(glob[start..i]);
                    start = i + 1;
                    break;
            }
        }

        close = -1;
        return false;
    }
}
