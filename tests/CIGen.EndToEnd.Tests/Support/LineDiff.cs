namespace CIGen.EndToEnd.Tests.Support;

/// <summary>
/// The lines one text loses and the other gains, by a shortest edit script (Myers' O((N+M)·D) algorithm, as git diff),
/// so that files of thousands of lines with a few hundred changed ones are compared exactly and quickly.
/// <see cref="CIGen.Core.Output.UnifiedDiff"/> gives up on a large changed middle (it shows it replaced wholesale),
/// which would count every line between two distant changes as changed.
/// </summary>
public static class LineDiff
{
    /// <summary>The changes from <paramref name="before"/> to <paramref name="after"/>.</summary>
    /// <returns>0-based indices of the lines removed from <paramref name="before"/> and of those added in <paramref name="after"/>, ascending.</returns>
    public static (IReadOnlyList<int> Removed, IReadOnlyList<int> Added) Changes(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        int n = before.Count, m = after.Count, offset = n + m + 1;
        var furthest = new int[(2 * offset) + 1];
        // rounds[d][k + d]: the furthest x on diagonal k (x - y) with d edits, for backtracking.
        var rounds = new List<int[]>();
        for (var d = 0; d <= n + m; d++)
        {
            var round = new int[(2 * d) + 1];
            for (var k = -d; k <= d; k += 2)
            {
                var down = k == -d || (k != d && furthest[offset + k - 1] < furthest[offset + k + 1]);
                var x = down ? furthest[offset + k + 1] : furthest[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && before[x] == after[y])
                {
                    x++;
                    y++;
                }

                furthest[offset + k] = x;
                round[k + d] = x;
                if (x >= n && y >= m)
                {
                    rounds.Add(round);
                    return Backtrack(rounds, n, m);
                }
            }

            rounds.Add(round);
        }

        throw new InvalidOperationException("unreachable: n + m edits always suffice");
    }

    private static (IReadOnlyList<int> Removed, IReadOnlyList<int> Added) Backtrack(List<int[]> rounds, int n, int m)
    {
        var removed = new List<int>();
        var added = new List<int>();
        int x = n, y = m;
        for (var d = rounds.Count - 1; d > 0; d--)
        {
            var previous = rounds[d - 1];
            var k = x - y;
            var down = k == -d || (k != d && previous[k - 1 + (d - 1)] < previous[k + 1 + (d - 1)]);
            var previousK = down ? k + 1 : k - 1;
            var previousX = previous[previousK + (d - 1)];
            var previousY = previousX - previousK;
            if (down)
            {
                added.Add(previousY);
            }
            else
            {
                removed.Add(previousX);
            }

            x = previousX;
            y = previousY;
        }

        removed.Reverse();
        added.Reverse();
        return (removed, added);
    }
}
