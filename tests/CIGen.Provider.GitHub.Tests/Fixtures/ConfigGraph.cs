using CIGen.Core.Config;
using CIGen.Protocol;

namespace CIGen.Provider.GitHub.Tests.Fixtures;

/// <summary>Graphs made by the real core from a config, for shapes whose legs and markers the core decides.</summary>
internal static class ConfigGraph
{
    /// <summary>The graph of <paramref name="config"/> (the text of a <c>cigen.yml</c>), after checking it loaded without errors.</summary>
    public static Graph Load(string config)
    {
        var directory = Directory.CreateTempSubdirectory("cigen-config-");
        try
        {
            var path = Path.Combine(directory.FullName, "cigen.yml");
            File.WriteAllText(path, config);
            var loaded = ConfigLoader.Load(new ConfigLocation(path, directory.FullName, IsSplit: false));
            loaded.HasErrors.Should().BeFalse(string.Join("\n", loaded.Diagnostics) + "\n" + config);
            return loaded.Graph!;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The matrix context a leg sees: strings as strings, numbers as numbers and booleans as booleans, as GitHub reads
    /// the matrix the provider writes.
    /// </summary>
    public static IEnumerable<(string Key, object? Value)> MatrixContext(MatrixLeg leg) =>
        leg.Values.Select(v => ($"matrix.{v.Key}", v.Value.Kind switch
        {
            ScalarKind.Number => (object?)double.Parse(v.Value.Text, System.Globalization.CultureInfo.InvariantCulture),
            ScalarKind.Boolean => v.Value.Text == "true",
            _ => v.Value.Text,
        }));
}
