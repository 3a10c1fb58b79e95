using System.Globalization;

namespace CIGen.Testing.Generative;

/// <summary>
/// Which seeds a generative test runs: by default the fixed list 1..<c>defaultCount</c>, so every run checks the same
/// configs. <c>CIGEN_GEN_SEED=17,42</c> runs exactly those seeds (to reproduce a failure); <c>CIGEN_GEN_COUNT=N</c>
/// (with <c>CIGEN_GEN_FIRST=F</c>, default 1) runs seeds F..F+N-1, to explore beyond the fixed list.
/// </summary>
public static class GenerativeSeeds
{
    public const string SeedVariable = "CIGEN_GEN_SEED";
    public const string CountVariable = "CIGEN_GEN_COUNT";
    public const string FirstVariable = "CIGEN_GEN_FIRST";

    public static IReadOnlyList<int> FromEnvironment(int defaultCount)
    {
        if (Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } seeds)
        {
            return [.. seeds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Number)];
        }

        var first = Environment.GetEnvironmentVariable(FirstVariable) is { Length: > 0 } f ? Number(f) : 1;
        var count = Environment.GetEnvironmentVariable(CountVariable) is { Length: > 0 } c ? Number(c) : defaultCount;
        return [.. Enumerable.Range(first, count)];
    }

    private static int Number(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
