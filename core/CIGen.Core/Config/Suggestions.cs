namespace CIGen.Core.Config;

/// <summary>"Did you mean" hints: the closest candidate by spelling, when it is close enough to be a likely typo.</summary>
internal static class Suggestions
{
    /// <summary>The best match for <paramref name="written"/> among <paramref name="candidates"/>, or null.</summary>
    /// <param name="maxDistance">How many edits still count as a typo; by default a third of the word.</param>
    public static string? Closest(string written, IEnumerable<string> candidates, int? maxDistance = null)
    {
        var normalized = Normalize(written);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            // The distance is at least the difference in length: a candidate that far off could never be suggested, and
            // measuring it costs length × length (a multi-megabyte value against a key name took seconds per candidate).
            if (Math.Abs(written.Length - candidate.Length) > Allowed(written, candidate, maxDistance))
            {
                continue;
            }

            // runs-on vs runs_on, Timeout vs timeout: same word, different spelling convention.
            var distance = Normalize(candidate) == normalized ? 0 : Distance(written, candidate);
            // Ties go to the ordinal-first candidate, so hints never depend on the order candidates are listed in.
            if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best is not null && bestDistance <= Allowed(written, best, maxDistance) ? best : null;
    }

    private static int Allowed(string written, string candidate, int? maxDistance) =>
        maxDistance ?? Math.Max(1, Math.Min(written.Length, candidate.Length) / 3);

    /// <summary>" did you mean `x`?" or "" — ready to append to a sentence.</summary>
    public static string DidYouMean(string written, IEnumerable<string> candidates) =>
        Closest(written, candidates) is { } match ? $"; did you mean `{match}`?" : "";

    private static string Normalize(string text) => text.Replace('-', '_').ToLowerInvariant();

    /// <summary>Optimal string alignment distance: edits, with a swap of neighbours counting once.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
