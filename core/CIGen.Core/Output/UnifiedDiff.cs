using System.Text;

namespace CIGen.Core.Output;

/// <summary>
/// A unified diff (as <c>diff -u</c> and git print it) between two texts, line by line, with three lines of context.
/// Generated files are small, so a plain longest-common-subsequence table over the changed middle is enough; past a
/// size limit the middle is shown as replaced wholesale, which is still a correct diff.
/// </summary>
public static class UnifiedDiff
{
    private const int Context = 3;
    private const long MaxTableCells = 4_000_000;

    private readonly record struct Line(string Text, bool HasNewline)
    {
        public string Key => HasNewline ? Text + "\n" : Text;
    }

    private readonly record struct Edit(char Tag, Line Line);

    /// <param name="oldText">Null for a file that does not exist yet.</param>
    /// <returns>The diff, or "" when the texts are equal.</returns>
    public static string Create(string oldName, string newName, string? oldText, string newText)
    {
        var edits = Edits(Split(oldText ?? ""), Split(newText));
        if (edits.All(e => e.Tag == ' '))
        {
            return "";
        }

        var text = new StringBuilder();
        text.Append("--- ").Append(oldName).Append('\n');
        text.Append("+++ ").Append(newName).Append('\n');
        foreach (var (start, end) in Hunks(edits))
        {
            AppendHunk(text, edits, start, end);
        }

        return text.ToString();
    }

    private static List<Line> Split(string text)
    {
        var lines = new List<Line>();
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            if (newline < 0)
            {
                lines.Add(new Line(text[start..], HasNewline: false));
                break;
            }

            lines.Add(new Line(text[start..newline], HasNewline: true));
            start = newline + 1;
        }

        return lines;
    }

    private static List<Edit> Edits(List<Line> a, List<Line> b)
    {
        var prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix].Key == b[prefix].Key)
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[^(suffix + 1)].Key == b[^(suffix + 1)].Key)
        {
            suffix++;
        }

        var edits = new List<Edit>();
        edits.AddRange(a.Take(prefix).Select(l => new Edit(' ', l)));
        edits.AddRange(Middle(a.GetRange(prefix, a.Count - prefix - suffix), b.GetRange(prefix, b.Count - prefix - suffix)));
        edits.AddRange(a.Skip(a.Count - suffix).Select(l => new Edit(' ', l)));
        return edits;
    }

    private static IEnumerable<Edit> Middle(List<Line> a, List<Line> b)
    {
        if ((long)a.Count * b.Count > MaxTableCells)
        {
            return a.Select(l => new Edit('-', l)).Concat(b.Select(l => new Edit('+', l)));
        }

        // lcs[i, j]: length of the longest common subsequence of a[i..] and b[j..].
        var lcs = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i].Key == b[j].Key ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var edits = new List<Edit>();
        int x = 0, y = 0;
        while (x < a.Count || y < b.Count)
        {
            if (x < a.Count && y < b.Count && a[x].Key == b[y].Key)
            {
                edits.Add(new Edit(' ', a[x++]));
                y++;
            }
            else if (y == b.Count || (x < a.Count && lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                edits.Add(new Edit('-', a[x++]));
            }
            else
            {
                edits.Add(new Edit('+', b[y++]));
            }
        }

        return edits;
    }

    /// <summary>Ranges [start, end) of edits to print: each change with its context, overlapping ones merged.</summary>
    private static List<(int Start, int End)> Hunks(List<Edit> edits)
    {
        var hunks = new List<(int Start, int End)>();
        for (var i = 0; i < edits.Count; i++)
        {
            if (edits[i].Tag == ' ')
            {
                continue;
            }

            var start = Math.Max(0, i - Context);
            var end = Math.Min(edits.Count, i + 1 + Context);
            if (hunks.Count > 0 && start <= hunks[^1].End)
            {
                hunks[^1] = (hunks[^1].Start, end);
            }
            else
            {
                hunks.Add((start, end));
            }
        }

        return hunks;
    }

    private static void AppendHunk(StringBuilder text, List<Edit> edits, int start, int end)
    {
        var oldBefore = edits.Take(start).Count(e => e.Tag != '+');
        var newBefore = edits.Take(start).Count(e => e.Tag != '-');
        var hunk = edits.GetRange(start, end - start);
        var oldCount = hunk.Count(e => e.Tag != '+');
        var newCount = hunk.Count(e => e.Tag != '-');
        text.Append("@@ -").Append(Range(oldBefore, oldCount)).Append(" +").Append(Range(newBefore, newCount)).Append(" @@\n");
        foreach (var edit in hunk)
        {
            text.Append(edit.Tag).Append(edit.Line.Text).Append('\n');
            if (!edit.Line.HasNewline)
            {
                text.Append("\\ No newline at end of file\n");
            }
        }
    }

    // diff's convention: an empty range names the line before it; a one-line range omits the count.
    private static string Range(int before, int count) => count switch
    {
        0 => $"{before},0",
        1 => $"{before + 1}",
        _ => $"{before + 1},{count}",
    };
}
