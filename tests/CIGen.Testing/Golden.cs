using System.Runtime.CompilerServices;
using Xunit.Sdk;

namespace CIGen.Testing;

/// <summary>
/// Compares a whole output with a file under the calling test project's <c>Golden/</c> folder (in the source tree,
/// not bin/). Set <c>UPDATE_GOLDEN=1</c> to write the actual text instead; review the change with git diff.
/// </summary>
public static class Golden
{
    public const string UpdateVariable = "UPDATE_GOLDEN";

    /// <param name="relativePath">Path under <c>Golden/</c>, '/'-separated, e.g. <c>github/ci.yml</c>.</param>
    public static void AssertMatches(string actual, string relativePath, [CallerFilePath] string callerFile = "")
    {
        ArgumentNullException.ThrowIfNull(actual);
        var path = PathOf(relativePath, callerFile);
        var normalised = Normalise(actual);

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (!File.Exists(path) || Normalise(File.ReadAllText(path)) != normalised)
            {
                File.WriteAllText(path, normalised);
            }

            return;
        }

        if (!File.Exists(path))
        {
            throw new XunitException($"Golden file {path} does not exist. Run the test with {UpdateVariable}=1 to create it, then review it.");
        }

        var expected = Normalise(File.ReadAllText(path));
        if (expected != normalised)
        {
            throw new XunitException(
                $"Output differs from golden file {path} (run with {UpdateVariable}=1 to accept the new output):\n"
                + CIGen.Core.Output.UnifiedDiff.Create("golden/" + relativePath, "actual", expected, normalised));
        }
    }

    /// <summary>The absolute path of a golden file of the project that holds <paramref name="callerFile"/>.</summary>
    public static string PathOf(string relativePath, [CallerFilePath] string callerFile = "") =>
        Path.Combine(RepositoryPaths.ProjectDirectoryOf(callerFile), "Golden", relativePath.Replace('/', Path.DirectorySeparatorChar));

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
