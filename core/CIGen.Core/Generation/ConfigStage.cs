using CIGen.Core.Config;
using CIGen.Protocol;

namespace CIGen.Core.Generation;

/// <summary>Finding and loading the config, with every diagnostic printed: the first stage of every command.</summary>
public static class ConfigStage
{
    /// <summary>A config that loaded without errors.</summary>
    public sealed record Loaded(ConfigLocation Location, Graph Graph, ConfigOptions Options)
    {
        /// <summary>The options every provider gets with the graph: the user's <c>output_path</c> and <c>output_filename</c>.</summary>
        public GenerateOptions GenerateOptions => new(Options.OutputPath, Options.OutputFilename);
    }

    /// <returns>The loaded config, or the exit code to stop with (its reasons already printed).</returns>
    public static (Loaded? Config, int ExitCode) Load(CommandConsole console, string? configPath)
    {
        if (Locate(console, configPath) is not { } location)
        {
            return (null, ExitCodes.ConfigInvalid);
        }

        var result = ConfigLoader.Load(location);
        foreach (var diagnostic in result.Diagnostics)
        {
            console.Error.WriteLine(DiagnosticFormatter.Format(diagnostic, location.Root, console.CurrentDirectory));
        }

        return result is { HasErrors: false, Graph: { } graph }
            ? (new Loaded(location, graph, result.Options), ExitCodes.Success)
            : (null, ExitCodes.ConfigInvalid);
    }

    /// <summary>The config's location, or null after printing why there is none.</summary>
    public static ConfigLocation? Locate(CommandConsole console, string? configPath)
    {
        if (ConfigLocator.Find(console.CurrentDirectory, configPath) is { } location)
        {
            return location;
        }

        console.Error.WriteLine(configPath is null
            ? $"error {GenerationCodes.ConfigNotFound}: no cigen.yml or .cigen/ in {console.CurrentDirectory}; run cigen where the config is, or pass --config PATH."
            : $"error {GenerationCodes.ConfigNotFound}: config not found: {configPath} (expected a cigen.yml file or a .cigen directory).");
        return null;
    }
}
