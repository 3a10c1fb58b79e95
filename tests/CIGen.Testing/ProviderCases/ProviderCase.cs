using CIGen.Core;
using CIGen.Core.Config;
using CIGen.Core.Generation;
using CIGen.Protocol;

namespace CIGen.Testing.ProviderCases;

/// <summary>
/// One folder under <c>tests/provider-cases/</c>: a real cigen config (<c>cigen.yml</c> or <c>.cigen/</c>) that the
/// provider test projects render through the real core, so both providers are tested on graphs the core can produce.
/// </summary>
public sealed class ProviderCase
{
    private readonly Lazy<LoadResult> loaded;

    private ProviderCase(string name)
    {
        Name = name;
        Directory = Path.Combine(Root, name);
        loaded = new Lazy<LoadResult>(Load);
    }

    /// <summary>The folder holding one folder per case.</summary>
    public static string Root { get; } = Path.Combine(RepositoryPaths.Root, "tests", "provider-cases");

    /// <summary>Every case, in ordinal name order.</summary>
    public static IReadOnlyList<ProviderCase> All { get; } =
        [.. System.IO.Directory.EnumerateDirectories(Root).Select(Path.GetFileName).Order(StringComparer.Ordinal).Select(n => new ProviderCase(n!))];

    public string Name { get; }

    /// <summary>The case's folder: the output root of its config.</summary>
    public string Directory { get; }

    /// <summary>The graph the core resolved from the config, before any provider's view of it.</summary>
    public Graph Graph => loaded.Value.Graph!;

    /// <summary>The canonical names of the providers the config lists: the providers that render this case.</summary>
    public IReadOnlyList<string> Providers => [.. loaded.Value.Options.Providers.Select(ProviderNames.Canonical)];

    public static ProviderCase Named(string name) =>
        All.SingleOrDefault(c => c.Name == name) ?? throw new ArgumentException($"No provider case '{name}' in {Root}.", nameof(name));

    /// <summary>The cases whose config lists <paramref name="provider"/>.</summary>
    public static IEnumerable<ProviderCase> For(string provider) => All.Where(c => c.Providers.Contains(ProviderNames.Canonical(provider)));

    /// <summary>What <c>cigen generate</c> sends <paramref name="provider"/> for this config: its view of the graph and the output options.</summary>
    public GenerateParams Request(string provider)
    {
        var options = loaded.Value.Options;
        return ProviderRun.Request(Graph, new GenerateOptions(options.OutputPath, options.OutputFilename), ProviderNames.Canonical(provider));
    }

    public override string ToString() => Name;

    /// <summary>
    /// Loads the config as <c>cigen generate</c> does when run in the case's folder. A case is meant to be a clean
    /// config: a core warning would be printed on every run, so it fails the case like an error.
    /// </summary>
    private LoadResult Load()
    {
        var location = ConfigLocator.Find(Directory, null)
            ?? throw new InvalidOperationException($"Provider case {Directory} has neither a cigen.yml nor a .cigen/ folder.");
        var result = ConfigLoader.Load(location);
        var problems = result.Diagnostics.Where(d => d.Severity != Severity.Info).ToList();
        if (problems.Count > 0 || result.Graph is null)
        {
            throw new InvalidOperationException($"Provider case {Name} does not load cleanly:\n" + string.Join("\n", problems));
        }

        if (result.Options.Providers.Count == 0)
        {
            throw new InvalidOperationException($"Provider case {Name} names no providers: list the ones that render it under 'providers:'.");
        }

        return result;
    }
}
