using CIGen.Core.Config;
using CIGen.Core.Generation;
using CIGen.Core.Providers;

namespace CIGen.Core.Conformance;

/// <summary>
/// <c>cigen providers check NAME|PATH</c>: the conformance kit for provider authors. Runs the provider against the
/// built-in sample graphs, prints <c>PASS rule</c> or <c>FAIL rule: evidence</c> for every rule of the contract (one
/// line each, in a fixed order, the same for the same provider), and exits 0 only when every rule passes.
/// </summary>
public static class ConformanceCheck
{
    public static async Task<int> RunAsync(
        CommandConsole console, string nameOrPath, string? configPath, ConformanceOptions options, CancellationToken cancellationToken)
    {
        if (Locate(console, nameOrPath, configPath) is not { } provider)
        {
            return ExitCodes.ProviderFailure;
        }

        using var samples = SampleProjects.Load();
        console.Error.WriteLine(
            $"Checking provider '{provider.Name}' ({provider.Path}) against the sample graphs " +
            $"{string.Join(", ", samples.Projects.Select(s => s.Name))}; its stderr follows, prefixed [{provider.Name}].");
        var seen = await ConformanceProbe.RunAsync(provider, samples.Projects, options, console.Error, cancellationToken);

        var failed = new List<string>();
        foreach (var rule in ConformanceRules.All)
        {
            var verdict = rule.Judge(seen);
            console.Out.WriteLine(verdict.Passed ? $"PASS {rule.Name}" : $"FAIL {rule.Name}: {verdict.Evidence}");
            if (!verdict.Passed)
            {
                failed.Add(rule.Name);
            }
        }

        if (failed.Count == 0)
        {
            console.Out.WriteLine($"Provider '{provider.Name}' passes all {ConformanceRules.All.Count} conformance rules.");
            return ExitCodes.Success;
        }

        console.Error.WriteLine(
            $"error {GenerationCodes.ProviderNotConformant}: provider '{provider.Name}' ({provider.Path}) fails {failed.Count} of " +
            $"{ConformanceRules.All.Count} conformance rules: {string.Join(", ", failed)}. The rules are described in docs/protocol.md, section 10.");
        return ExitCodes.ProviderFailure;
    }

    /// <summary>
    /// Resolves the provider as <c>cigen generate --provider</c> does: a path (anything with a '/') relative to the
    /// current directory, or a name searched in provider_path (when a config is at hand), CIGEN_PROVIDER_PATH, beside
    /// cigen and PATH.
    /// </summary>
    private static ProviderExecutable? Locate(CommandConsole console, string nameOrPath, string? configPath)
    {
        IReadOnlyList<string> configured = [];
        if (configPath is not null || ConfigLocator.Find(console.CurrentDirectory, null) is not null)
        {
            if (ConfigStage.Locate(console, configPath) is not { } location)
            {
                return null;
            }

            configured = ConfigLoader.Load(location).Options.ProviderPaths;
        }

        try
        {
            return ProviderLocator.ForCurrentProcess(configured).Find(nameOrPath, console.CurrentDirectory);
        }
        catch (ProviderException exception)
        {
            console.Error.WriteLine($"error {exception.Code}: {exception.Message}");
            return null;
        }
    }
}
