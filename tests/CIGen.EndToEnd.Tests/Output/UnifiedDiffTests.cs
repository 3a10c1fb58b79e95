using CIGen.Core.Output;

namespace CIGen.EndToEnd.Tests.Output;

public class UnifiedDiffTests
{
    private static string Lines(params string[] lines) => string.Concat(lines.Select(l => l + "\n"));

    [Fact]
    public void Equal_texts_have_no_diff() => UnifiedDiff.Create("a", "b", "x\n", "x\n").Should().BeEmpty();

    [Fact]
    public void Distant_changes_get_separate_hunks_with_three_lines_of_context()
    {
        var old = Lines("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");
        var @new = Lines("1", "TWO", "3", "4", "5", "6", "7", "8", "9", "10", "11");

        UnifiedDiff.Create("a/f", "b/f", old, @new).Should().Be(
            "--- a/f\n+++ b/f\n" +
            "@@ -1,5 +1,5 @@\n 1\n-2\n+TWO\n 3\n 4\n 5\n" +
            "@@ -9,4 +9,3 @@\n 9\n 10\n 11\n-12\n");
    }

    [Fact]
    public void Close_changes_share_one_hunk()
    {
        UnifiedDiff.Create("a", "b", Lines("1", "2", "3", "4", "5"), Lines("1", "X", "3", "Y", "5")).Should().Be(
            "--- a\n+++ b\n@@ -1,5 +1,5 @@\n 1\n-2\n+X\n 3\n-4\n+Y\n 5\n");
    }

    [Fact]
    public void Insertions_in_the_middle_keep_the_common_lines()
    {
        UnifiedDiff.Create("a", "b", Lines("a", "c"), Lines("a", "b", "c")).Should().Be("--- a\n+++ b\n@@ -1,2 +1,3 @@\n a\n+b\n c\n");
    }

    [Fact]
    public void A_missing_final_newline_is_marked()
    {
        UnifiedDiff.Create("a", "b", "x", "x\n").Should().Be("--- a\n+++ b\n@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+x\n");
    }

    [Fact]
    public void Deleting_everything_gives_an_empty_new_range()
    {
        UnifiedDiff.Create("a", "b", Lines("x", "y"), "").Should().Be("--- a\n+++ b\n@@ -1,2 +0,0 @@\n-x\n-y\n");
    }
}
