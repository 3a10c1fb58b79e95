namespace CIGen.Core;

/// <summary>Provider names users may write, and the one canonical name (the executable suffix) each stands for.</summary>
public static class ProviderNames
{
    public const string GitHub = "github";
    public const string CircleCi = "circleci";

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["github-actions"] = "github",
        ["github"] = "github",
        ["circleci"] = "circleci",
    };

    /// <summary><c>github-actions</c> and <c>github</c> → <c>github</c>; any other name is its own canonical name.</summary>
    public static string Canonical(string name) => Aliases.TryGetValue(name, out var canonical) ? canonical : name;

    /// <summary>Names known without looking for executables; used for "did you mean" hints.</summary>
    public static IReadOnlyCollection<string> Known => Aliases.Keys;
}
