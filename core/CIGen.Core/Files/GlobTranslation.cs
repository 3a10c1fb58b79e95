using System.Text;

namespace CIGen.Core.Files;

/// <summary>One brace-free glob as a regular expression over UTF-8 bytes, in POSIX ERE or .NET syntax (rules: <see cref="GlobSet"/>).</summary>
internal static class GlobTranslation
{
    public enum Dialect
    {
        Ere,
        DotNet,
    }

    public static string Translate(string glob, Dialect dialect)
    {
        var segments = Normalise(glob).Split('/');
        var regex = new StringBuilder();
        var needsSeparator = false;
        for (var i = 0; i < segments.Length; i++)
        {
            if (needsSeparator)
            {
                regex.Append('/');
            }

            if (segments[i] == "**")
            {
                var last = i == segments.Length - 1;
                regex.Append(last ? ".*" : dialect == Dialect.Ere ? "(.*/)?" : "(?:.*/)?");
                needsSeparator = false;
                continue;
            }

            AppendSegment(regex, segments[i], dialect);
            needsSeparator = true;
        }

        return regex.ToString();
    }

    private static string Normalise(string glob)
    {
        while (glob.StartsWith("./", StringComparison.Ordinal))
        {
            glob = glob[2..];
        }

        glob = glob.TrimStart('/');
        return glob.EndsWith('/') ? glob + "**" : glob;
    }

    private static void AppendSegment(StringBuilder regex, string segment, Dialect dialect)
    {
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            switch (c)
            {
                case '*':
                    while (i + 1 < segment.Length && segment[i + 1] == '*')
                    {
                        i++;
                    }

                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[' when CharacterClass.TryParse(segment, i, out var characterClass, out var end):
                    characterClass.AppendTo(regex, dialect);
                    i = end;
                    break;
                case '\\' when i + 1 < segment.Length:
                    i++;
                    AppendLiteral(regex, segment, ref i, dialect);
                    break;
                default:
                    AppendLiteral(regex, segment, ref i, dialect);
                    break;
            }
        }
    }

    /// <summary>The character (a surrogate pair counts as one) at <paramref name="i"/>, matched literally byte by byte.</summary>
    private static void AppendLiteral(StringBuilder regex, string segment, ref int i, Dialect dialect)
    {
        var length = char.IsHighSurrogate(segment[i]) && i + 1 < segment.Length ? 2 : 1;
        var text = segment.AsSpan(i, length);
        i += length - 1;
        if (dialect == Dialect.Ere)
        {
            // grep under LC_ALL=C compares the pattern's bytes, so non-ASCII text can stay as written.
            if (length == 1 && @".[()*+?{}|^$\".Contains(text[0]))
            {
                regex.Append('\\');
            }

            regex.Append(text);
            return;
        }

        Span<byte> bytes = stackalloc byte[8];
        var count = Encoding.UTF8.GetBytes(text, bytes);
        foreach (var b in bytes[..count])
        {
            if (char.IsAsciiLetterOrDigit((char)b))
            {
                regex.Append((char)b);
            }
            else
            {
                regex.Append(@"\x").Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }
}
