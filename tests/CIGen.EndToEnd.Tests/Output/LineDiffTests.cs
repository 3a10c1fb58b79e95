using CIGen.EndToEnd.Tests.Support;

namespace CIGen.EndToEnd.Tests.Output;

/// <summary>The test-side line diff <see cref="AddingAJobTests"/> places changed lines with.</summary>
public class LineDiffTests
{
    [Fact]
    public void An_inserted_block_is_added_and_nothing_else()
    {
        var (removed, added) = LineDiff.Changes(["a", "b", "c"], ["a", "x", "y", "b", "c"]);

        removed.Should().BeEmpty();
        added.Should().Equal(1, 2);
    }

    [Fact]
    public void A_changed_line_is_removed_and_added()
    {
        var (removed, added) = LineDiff.Changes(["a", "b", "c"], ["a", "B", "c"]);

        removed.Should().Equal(1);
        added.Should().Equal(1);
    }

    [Fact]
    public void Empty_texts_on_either_side()
    {
        LineDiff.Changes([], ["a"]).Added.Should().Equal(0);
        LineDiff.Changes(["a"], []).Removed.Should().Equal(0);
        LineDiff.Changes([], []).Removed.Should().BeEmpty();
    }

    [Fact]
    public void Random_texts_keep_a_longest_common_subsequence()
    {
        var random = new Random(11);
        for (var round = 0; round < 300; round++)
        {
            var before = Enumerable.Range(0, random.Next(0, 25)).Select(_ => ((char)('a' + random.Next(4))).ToString()).ToList();
            var after = Enumerable.Range(0, random.Next(0, 25)).Select(_ => ((char)('a' + random.Next(4))).ToString()).ToList();

            var (removed, added) = LineDiff.Changes(before, after);

            var keptBefore = before.Where((_, i) => !removed.Contains(i)).ToList();
            var keptAfter = after.Where((_, i) => !added.Contains(i)).ToList();
            keptBefore.Should().Equal(keptAfter, "the lines neither removed nor added are common to both");
            keptBefore.Count.Should().Be(LongestCommonSubsequence(before, after), "a shortest edit keeps a longest common subsequence");
        }
    }

    private static int LongestCommonSubsequence(List<string> a, List<string> b)
    {
        var table = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                table[i, j] = a[i] == b[j] ? table[i + 1, j + 1] + 1 : Math.Max(table[i + 1, j], table[i, j + 1]);
            }
        }

        return table[0, 0];
    }
}
