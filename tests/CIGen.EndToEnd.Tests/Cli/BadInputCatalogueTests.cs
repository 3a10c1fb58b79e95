using System.Security.Cryptography;
using CIGen.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace CIGen.EndToEnd.Tests.Cli;

/// <summary>
/// Runs each class of <see cref="BadInputCatalogue"/> through the real <c>cigen</c>: the expected exit code, the
/// expected message, no stack trace, and the project and the directory outside it byte for byte as they were — no
/// partial write, no file lost (issue 12's acceptance: the counts are printed for the closing note).
/// </summary>
public sealed class BadInputCatalogueTests(ITestOutputHelper output) : CliTestBase
{
    private readonly TempDirectory outside = new();

    public static TheoryData<string> Classes() => [.. BadInputCatalogue.All.Select(input => input.Id)];

    [Theory]
    [MemberData(nameof(Classes))]
    public void Each_bad_input_fails_with_its_exit_code_and_message_and_leaves_every_file_as_it_was(string id)
    {
        var input = BadInputCatalogue.Named(id);
        var scene = new BadInputScene(Project, Providers, outside);
        try
        {
            input.Arrange(scene);
            var projectBefore = Snapshot(Project.Path);
            var outsideBefore = Snapshot(outside.Path);

            var (result, peak) = Run(input.Arguments, new Dictionary<string, string?>(), measurePeakMemory: input.Name.Contains("200 MB"));

            output.WriteLine($"{id}: exit {result.ExitCode}{(peak > 0 ? $", peak memory of cigen {peak:0} MiB" : "")}");
            result.ExitCode.Should().Be(input.ExitCode, result.ToString());
            result.Error.Should().Contain(input.Message, result.ToString());
            result.Error.Should().NotContain("Unhandled exception").And.NotMatchRegex(@"\n\s+at \S+\(", "never a stack trace");
            Snapshot(Project.Path).Should().Equal(projectBefore, "a failed run changes no file of the project: " + result);
            Snapshot(outside.Path).Should().Equal(outsideBefore, "nor any file outside it");
            if (peak > 0)
            {
                // The real figure is printed above (about 80 MiB); the bound only catches buffering the answer.
                peak.Should().BeLessThan(1024, "cigen must not buffer an oversized answer");
            }
        }
        finally
        {
            scene.Unreplaceable?.Dispose();
            outside.Dispose();
        }
    }

    [Fact]
    public void The_catalogue_has_every_area_and_every_misbehaving_provider_mode()
    {
        var byArea = BadInputCatalogue.All.GroupBy(input => input.Area).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"{BadInputCatalogue.All.Count} classes of bad input: " + string.Join(", ", byArea.Select(a => $"{a.Value} {a.Key}")));

        byArea.Keys.Should().BeEquivalentTo(["config", "CLI", "provider", "file system"]);
        BadInputCatalogue.All.Select(input => input.Id).Should().OnlyHaveUniqueItems();
        var catalogued = BadInputCatalogue.All.Where(input => input.Area == "provider").Select(input => input.Arguments[2]).ToHashSet();
        MisbehavingModes().Where(mode => !BadInputCatalogue.ModesNotCatalogued.Contains(mode)).Should().BeSubsetOf(catalogued,
            "each way the misbehaving provider breaks the protocol is a class of bad input");
    }

    /// <summary>The modes listed in misbehaving_provider.py's docstring ("Modes:", one per line, two-space indent).</summary>
    private static IEnumerable<string> MisbehavingModes()
    {
        var script = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Providers", "misbehaving_provider.py"));
        return script.SkipWhile(line => line != "Modes:").Skip(1).TakeWhile(line => line.StartsWith("  ", StringComparison.Ordinal))
            .Where(line => line.Length > 2 && line[2] != ' ')
            .Select(line => line[2..].Split(' ')[0]);
    }

    /// <summary>Every entry under a directory, symbolic links not followed: a file by its content hash, a link by its target.</summary>
    private static SortedDictionary<string, string> Snapshot(string root)
    {
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(root))
        {
            return entries;
        }

        var pending = new Stack<string>([root]);
        while (pending.TryPop(out var directory))
        {
            foreach (var path in Directory.EnumerateFileSystemEntries(directory))
            {
                var relative = Path.GetRelativePath(root, path);
                var info = new FileInfo(path);
                if (info.LinkTarget is { } target)
                {
                    entries[relative] = "link to " + target;
                }
                else if (Directory.Exists(path))
                {
                    entries[relative] = "directory";
                    pending.Push(path);
                }
                else
                {
                    entries[relative] = "file " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
                }
            }
        }

        return entries;
    }
}
