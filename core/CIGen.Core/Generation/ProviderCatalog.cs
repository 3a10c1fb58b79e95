using CIGen.Core.Config;
using CIGen.Core.Providers;

namespace CIGen.Core.Generation;

/// <summary>
/// <c>cigen providers</c>: every provider executable cigen can find, each started and asked who it is, so the list
/// shows what would really run (and which ones are broken).
/// </summary>
public static class ProviderCatalog
{
    public static async Task<int> ListAsync(
        CommandConsole console, string? configPath, ProviderHostOptions hostOptions, CancellationToken cancellationToken)
    {
        // The config only contributes its provider_path here; a config with errors elsewhere is still good for that.
        IReadOnlyList<string> configured = [];
        if (configPath is not null || ConfigLocator.Find(console.CurrentDirectory, null) is not null)
        {
            if (ConfigStage.Locate(console, configPath) is not { } location)
            {
                return ExitCodes.ConfigInvalid;
            }

            configured = ConfigLoader.Load(location).Options.ProviderPaths;
        }

        var locator = ProviderLocator.ForCurrentProcess(configured);
        var executables = locator.FindAll();
        if (executables.Count == 0)
        {
            console.Error.WriteLine("No providers found in:");
            foreach (var directory in locator.SearchDirectories)
            {
                console.Error.WriteLine($"  {directory.Path} ({directory.Origin})");
            }

            return ExitCodes.Success;
        }

        var rows = await Task.WhenAll(executables.Select(e => DescribeAsync(e, hostOptions, console.Error, cancellationToken)));
        var table = new List<string[]> { new[] { "NAME", "VERSION", "PROTOCOL", "PATH" } };
        table.AddRange(rows.Select(r => r.Row));
        var widths = Enumerable.Range(0, 3).Select(column => table.Max(row => row[column].Length)).ToArray();
        foreach (var row in table)
        {
            console.Out.WriteLine($"{row[0].PadRight(widths[0])}  {row[1].PadRight(widths[1])}  {row[2].PadRight(widths[2])}  {row[3]}");
        }

        foreach (var failure in rows.Select(r => r.Failure).OfType<ProviderException>())
        {
            console.Error.WriteLine($"error {failure.Code}: {failure.Message}");
        }

        return rows.Any(r => r.Failure is not null) ? ExitCodes.ProviderFailure : ExitCodes.Success;
    }

    private static async Task<(string[] Row, ProviderException? Failure)> DescribeAsync(
        ProviderExecutable executable, ProviderHostOptions hostOptions, TextWriter log, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await ProviderConnection.StartAsync(executable, hostOptions, log, cancellationToken);
            var description = connection.Description;
            // The name it answers is the one its diagnostics carry; a file named otherwise says so beside it.
            var name = description.Name == executable.Name ? description.Name : $"{description.Name} (file: cigen-provider-{executable.Name})";
            return ([name, description.Version, description.ProtocolVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), executable.Path], null);
        }
        catch (ProviderException exception)
        {
            return ([executable.Name, "?", "?", executable.Path], exception);
        }
    }
}
