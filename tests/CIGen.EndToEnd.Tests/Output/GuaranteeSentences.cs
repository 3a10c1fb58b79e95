using System.Text.RegularExpressions;

namespace CIGen.EndToEnd.Tests.Output;

/// <summary>
/// Splits the prose of a Markdown section into sentences, the unit a guarantee is stated in: a paragraph or a list item
/// is one block (fenced code left out, whitespace collapsed), cut after a full stop that a capital or a backtick follows.
/// </summary>
public static partial class GuaranteeSentences
{
    /// <summary>The lines from the heading starting with <paramref name="heading"/> to the next heading of its level.</summary>
    public static IReadOnlyList<string> Section(string markdown, string heading)
    {
        var lines = markdown.Split('\n');
        var start = Array.FindIndex(lines, line => line.StartsWith(heading, StringComparison.Ordinal));
        start.Should().BeGreaterThanOrEqualTo(0, $"the doc has a section `{heading}`");
        var level = heading.TakeWhile(c => c == '#').Count();
        var end = Array.FindIndex(lines, start + 1, line => line.StartsWith(new string('#', level) + " ", StringComparison.Ordinal));
        return lines[(start + 1)..(end < 0 ? lines.Length : end)];
    }

    /// <summary>The list items among <paramref name="lines"/> that start with <paramref name="prefix"/>, each with its continuation lines.</summary>
    public static IReadOnlyList<string> Items(IReadOnlyList<string> lines, string prefix) =>
        [.. Blocks(lines).Where(block => block.StartsWith(prefix, StringComparison.Ordinal))];

    public static IReadOnlyList<string> Of(IEnumerable<string> blocks) =>
        [.. blocks.SelectMany(block => SentenceEnd().Split(block.StartsWith("- ", StringComparison.Ordinal) ? block[2..] : block))
            .Select(sentence => sentence.Trim())
            .Where(sentence => sentence.Length > 0)];

    /// <summary>Paragraphs and list items, fenced code blocks left out, each on one line.</summary>
    public static IReadOnlyList<string> Blocks(IReadOnlyList<string> lines)
    {
        var blocks = new List<string>();
        var current = new List<string>();
        var fenced = false;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r');
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }

            if (fenced)
            {
                continue;
            }

            if (line.Trim().Length == 0 || line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith('#'))
            {
                Flush();
            }

            if (line.Trim().Length > 0 && !line.StartsWith('#'))
            {
                current.Add(line.Trim());
            }
        }

        Flush();
        return blocks;

        void Flush()
        {
            if (current.Count > 0)
            {
                blocks.Add(Whitespace().Replace(string.Join(' ', current), " "));
                current.Clear();
            }
        }
    }

    [GeneratedRegex(@"(?<=[.])\s+(?=[A-Z`*])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
