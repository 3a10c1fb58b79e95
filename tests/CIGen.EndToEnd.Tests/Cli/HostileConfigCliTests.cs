using System.Text.RegularExpressions;
using CIGen.Core.Generation;
using CIGen.EndToEnd.Tests.Support;
using CIGen.Testing.Fuzzing;

namespace CIGen.EndToEnd.Tests.Cli;

/// <summary>
/// Hostile configs through the real <c>cigen generate</c> process (issue 12): twenty of the seeded mutations the
/// in-process fuzz test (CIGen.Core.Tests, HostileConfigFuzzTests) runs by the thousand, run as a user
/// would, so what reaches the terminal is checked too: exit code 2 with one <c>file:line:col</c> per error line and no
/// stack trace, and nothing written to the output directory (or exit code 0 when the mutation left the config valid).
/// </summary>
public class HostileConfigCliTests
{
    private const int DefaultSeed = 12_05;
    private const int Cases = 20;

    private static readonly Regex ErrorLine = new(@"^[^:\s][^:]*:[1-9]\d*:[1-9]\d*: error [A-Za-z0-9_.-]+: ", RegexOptions.CultureInvariant);

    public static TheoryData<int> CaseNumbers() => [.. Enumerable.Range(0, Cases)];

    [Theory]
    [MemberData(nameof(CaseNumbers))]
    public void A_mutated_config_is_rejected_with_located_errors_and_nothing_written(int number)
    {
        var seed = FuzzSeeds.Seed(DefaultSeed);
        var random = new Random(unchecked((seed * 7_919) + number));
        var config = FuzzSeeds.All[random.Next(FuzzSeeds.All.Count)];
        var file = config.ConfigFiles[random.Next(config.ConfigFiles.Count)];
        var mutation = ConfigMutator.Mutate(random, File.ReadAllBytes(Path.Combine(config.Directory, file)));
        var root = Path.Combine(Path.GetTempPath(), "cigen-tests", "hostile-" + Guid.NewGuid().ToString("N"));
        try
        {
            var project = Path.Combine(root, "project");
            var output = Path.Combine(root, "out");
            config.CopyTo(project);
            Directory.CreateDirectory(output);
            File.WriteAllBytes(Path.Combine(project, file), mutation.Bytes);
            var before = Listing(project);

            var result = Cigen.Run(project, ["generate", "--output", output]);

            var because = $"seed {seed} ({FuzzSeeds.SeedVariable}), case {number}: {config.Name}/{file}, mutation: {mutation.Description}\n" +
                $"--- input\n{ConfigMutator.Show(mutation.Bytes, 2000)}\n--- result\n{Cut(result.ToString())}";
            result.ExitCode.Should().BeOneOf([ExitCodes.Success, ExitCodes.ConfigInvalid], because);
            result.Error.Should().NotContain("   at ", because).And.NotContain("Unhandled exception", because);
            var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
            if (result.ExitCode == ExitCodes.ConfigInvalid)
            {
                lines.Should().Contain(l => ErrorLine.IsMatch(l), because);
                lines.Where(l => l.Contains(" error ", StringComparison.Ordinal) || l.StartsWith("error", StringComparison.Ordinal))
                    .Should().OnlyContain(l => ErrorLine.IsMatch(l), because);
                Directory.EnumerateFileSystemEntries(output).Should().BeEmpty(because);
                Listing(project).Should().BeEquivalentTo(before, because);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static List<string> Listing(string directory) =>
        [.. Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(directory, p))];

    private static string Cut(string text) => text.Length > 3000 ? text[..3000] + $"… ({text.Length - 3000} more characters)" : text;
}
