using CIGen.Core.Providers;

namespace CIGen.Core.Generation;

/// <summary>Which providers a run uses: <c>--provider</c> when given (it overrides the config), else the config's.</summary>
public static class ProviderSelection
{
    /// <summary>The executables to run, one per canonical name, in the order the user named them.</summary>
    /// <returns>The executables, or null after printing every name that could not be resolved.</returns>
    public static (IReadOnlyList<ProviderExecutable>? Providers, int ExitCode) Resolve(
        CommandConsole console, IReadOnlyList<string> commandLine, ConfigStage.Loaded config)
    {
        // A path on the command line is relative to where cigen runs; one in the config, to the config's directory.
        var (names, baseDirectory) = commandLine.Count > 0
            ? (commandLine, console.CurrentDirectory)
            : (config.Options.Providers, config.Location.Root);
        if (names.Count == 0)
        {
            console.Error.WriteLine(
                $"error {GenerationCodes.NoProvider}: no provider selected; set `provider: github-actions` (or `providers: [...]`) " +
                "in the config, or pass --provider NAME.");
            return (null, ExitCodes.ConfigInvalid);
        }

        var locator = ProviderLocator.ForCurrentProcess(config.Options.ProviderPaths);
        var found = new List<ProviderExecutable>();
        var failed = false;
        foreach (var name in names)
        {
            try
            {
                var executable = locator.Find(name, baseDirectory);
                if (!found.Any(p => p.Name == executable.Name && p.Path == executable.Path))
                {
                    found.Add(executable);
                }
            }
            catch (ProviderException exception)
            {
                console.Error.WriteLine($"error {exception.Code}: {exception.Message}");
                failed = true;
            }
        }

        return failed ? (null, ExitCodes.ProviderFailure) : (found, ExitCodes.Success);
    }
}
