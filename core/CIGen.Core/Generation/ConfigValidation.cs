namespace CIGen.Core.Generation;

/// <summary><c>cigen validate</c>: load and check the config, print every diagnostic; no provider runs.</summary>
public static class ConfigValidation
{
    public static int Run(CommandConsole console, string? configPath)
    {
        var (config, exitCode) = ConfigStage.Load(console, configPath);
        if (config is null)
        {
            return exitCode;
        }

        var jobs = config.Graph.Workflows.Sum(w => w.Jobs.Count);
        console.Out.WriteLine(
            $"{console.Show(config.Location.Path)}: valid ({config.Graph.Workflows.Count} workflow(s), {jobs} job(s)).");
        return ExitCodes.Success;
    }
}
