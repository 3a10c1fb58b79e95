using System.Globalization;
using System.Text;

namespace CIGen.Core.Files;

/// <summary>A glob bracket expression over printable ASCII (<c>[abc]</c>, <c>[a-z]</c>, <c>[!x]</c>); never matches '/'.</summary>
internal sealed class CharacterClass
{
    private readonly bool[] _members = new bool[128];
    private bool _negated;

    /// <summary>
    /// Reads the class starting at <paramref name="open"/>. Anything outside the supported form (non-printable or
    /// non-ASCII characters, '/', '\', POSIX <c>[:name:]</c> classes, no closing bracket) is not a class: the '[' is literal.
    /// </summary>
    public static bool TryParse(string segment, int open, out CharacterClass characterClass, out int close)
    {
        characterClass = new CharacterClass();
        close = -1;
        var i = open + 1;
        if (i < segment.Length && segment[i] is '!' or '^')
        {
            characterClass._negated = true;
            i++;
        }

        var first = i;
        for (; i < segment.Length; i++)
        {
            var c = segment[i];
            if (c == ']' && i > first)
            {
                // "[:alpha:]" is a POSIX class written without its outer brackets, not the characters ':alph'.
                close = i;
                return !(segment[first] == ':' && segment[i - 1] == ':' && i - first > 1);
            }

            if (c is < ' ' or > '~' or '/' or '\\' || (c == '[' && i + 1 < segment.Length && segment[i + 1] is ':' or '.' or '='))
            {
                return false;
            }

            var last = c;
            if (i + 2 < segment.Length && segment[i + 1] == '-' && segment[i + 2] != ']')
            {
                last = segment[i + 2];
                if (last is < ' ' or > '~' or '/' or '\\' || last < c)
                {
                    return false;
                }

                i += 2;
            }

            for (var member = c; member <= last; member++)
            {
                characterClass._members[member] = true;
            }
        }

        return false;
    }

    public void AppendTo(StringBuilder regex, GlobTranslation.Dialect dialect)
    {
        // '/' can be inside a range (e.g. "[!-0]"); a class never crosses a segment.
        _members['/'] = _negated;
        if (dialect == GlobTranslation.Dialect.DotNet)
        {
            regex.Append(_negated ? "[^" : "[");
            for (var c = 0; c < 128; c++)
            {
                if (_members[c])
                {
                    regex.Append(@"\x").Append(c.ToString("x2", CultureInfo.InvariantCulture));
                }
            }

            regex.Append(']');
            return;
        }

        AppendEre(regex);
    }

    /// <summary>POSIX bracket syntax: ']' first, '[' late (never before '.', '=' or ':'), '^' never first, '-' last.</summary>
    private void AppendEre(StringBuilder regex)
    {
        var members = Enumerable.Range(0, 128).Where(c => _members[c]).Select(c => (char)c).ToList();
        if (!_negated && members.Count == 1)
        {
            regex.Append(@".[()*+?{}|^$\".Contains(members[0]) ? "\\" : "").Append(members[0]);
            return;
        }

        var ordinary = members.Where(c => c is not (']' or '[' or '^' or '-')).ToList();
        regex.Append(_negated ? "[^" : "[");
        if (_members[']'])
        {
            regex.Append(']');
        }

        regex.Append(string.Concat(ordinary));
        if (_members['['])
        {
            regex.Append('[');
        }

        var caretFirst = !_negated && !_members[']'] && ordinary.Count == 0 && !_members['['];
        if (caretFirst)
        {
            // Only '^' and '-': "[-^]".
            regex.Append("-^]");
            return;
        }

        if (_members['^'])
        {
            regex.Append('^');
        }

        if (_members['-'])
        {
            regex.Append('-');
        }

        regex.Append(']');
    }
}
