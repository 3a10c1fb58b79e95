using CIGen.EndToEnd.Tests.Support;
using CIGen.Core.Generation;
using CIGen.Testing;

namespace CIGen.EndToEnd.Tests.Output;

/// <summary>
/// Issue 11: adding one job to a config changes only that job's lines and its entries in the jobs that list every job
/// — on GitHub the plan job (<c>cigen_plan</c>, which hashes and looks up every skippable job) and the gate job
/// (<c>cigen_gate</c>, which needs every job); on CircleCI the workflow's entry for the job under <c>workflows:</c>.
/// Every other line of every generated file stays as it was, so a reviewer reads the new job and nothing else.
/// Each changed line (removed from the first output or added in the second, by a shortest line diff) is placed in its
/// YAML block by parsing the file, never by matching its text.
/// </summary>
public sealed class AddingAJobTests
{
    /// <summary>An example, the workflow a job is added to, and the job's id and file.</summary>
    public sealed record Case(string Example, string Workflow, string Job, string Definition)
    {
        public override string ToString() => $"{Example}: {Job}";
    }

    private const string Skippable = """
        name: Check the docs
        source_files: ['docs/**', '*.md']
        steps:
          - name: Check links
            run: echo "checking links in docs/"
        """;

    private const string AlwaysRuns = """
        name: Notify
        requires: [build]
        steps:
          - run: echo "built $GITHUB_SHA$CIRCLE_SHA1"
        """;

    public static TheoryData<Case> Cases =>
    [
        new Case("split", "ci", "docs_check", Skippable),
        new Case("split", "ci", "notify", AlwaysRuns),
        // The first skippable job of its workflow: the plan and the gate jobs appear, and the other job stays as it was.
        new Case("split", "nightly", "docs_check", Skippable),
        new Case("turborepo-monorepo", "main", "docs_check", Skippable),
        new Case("turborepo-monorepo", "main", "notify", AlwaysRuns),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Adding_a_job_changes_only_its_own_lines_and_its_entries_in_the_plan_the_gate_and_the_workflow(Case added)
    {
        using var project = new TempDirectory();
        CopyDirectory(Path.Combine(RepositoryPaths.Root, "examples", added.Example), project.Path);
        var before = Generate(project);
        project.Write($".cigen/workflows/{added.Workflow}/jobs/{added.Job}.yml", added.Definition);
        var after = Generate(project);

        after.Keys.Should().Equal(before.Keys, "adding a job to a workflow adds no file and removes none");
        // The runtime (.github/actions/cigen/cigen-runtime.sh) is the same for every config that uses it: it must not change.
        after.Keys.Where(path => !path.EndsWith(".yml", StringComparison.Ordinal)).Should().OnlyContain(path => after[path] == before[path]);
        var changes = after.Keys.Where(path => path.EndsWith(".yml", StringComparison.Ordinal))
            .SelectMany(path => ChangedLines(path, before[path], after[path])).ToList();
        changes.Select(c => c.Owner.Count > 1 ? c.Owner[1].Name : "").Should().Contain(added.Job, "the job is in the output at all");

        var unrelated = changes.Where(c => !Belongs(c, added)).Select(c => c.ToString()).ToList();
        unrelated.Should().BeEmpty(
            $"adding {added.Workflow}/{added.Job} may change only its own block, `cigen_plan` and `cigen_gate` on GitHub, and its entry in "
            + $"`workflows.{added.Workflow}.jobs` on CircleCI; these lines changed elsewhere:\n{string.Join("\n", unrelated)}");
    }

    /// <summary>A line one generation has and the other has not, with the YAML block it sits in.</summary>
    private sealed record ChangedLine(string File, char Sign, int Line, string Text, IReadOnlyList<YamlBlocks.Segment> Owner)
    {
        public override string ToString() =>
            $"{File}:{Line} {Sign}{Text.Trim()}   (in {(Owner.Count == 0 ? "the header" : string.Join(" / ", Owner))})";
    }

    private static IEnumerable<ChangedLine> ChangedLines(string file, string before, string after)
    {
        var beforeLines = before.Split('\n');
        var afterLines = after.Split('\n');
        var (removed, added) = LineDiff.Changes(beforeLines, afterLines);
        var beforeBlocks = YamlBlocks.Of(before);
        var afterBlocks = YamlBlocks.Of(after);
        // Blank lines carry nothing; which of two neighbouring blocks a blank separator is matched to is the diff's choice.
        return removed.Where(i => beforeLines[i].Trim().Length > 0)
            .Select(i => new ChangedLine(file, '-', i + 1, beforeLines[i], beforeBlocks.At(i + 1)))
            .Concat(added.Where(i => afterLines[i].Trim().Length > 0)
                .Select(i => new ChangedLine(file, '+', i + 1, afterLines[i], afterBlocks.At(i + 1))));
    }

    private static bool Belongs(ChangedLine change, Case added)
    {
        var owner = change.Owner;
        if (change.File == $".github/workflows/{added.Workflow}.yml")
        {
            return owner.Count >= 2 && owner[0].Name == "jobs" && owner[1].Name is var job
                && (job == added.Job || job == "cigen_plan" || job == "cigen_gate");
        }

        if (change.File == ".circleci/config.yml")
        {
            return owner.Count >= 2 && owner[0].Name == "jobs" && owner[1].Name == added.Job
                || owner.Count >= 4 && owner[0].Name == "workflows" && owner[1].Name == added.Workflow && owner[2].Name == "jobs"
                    && owner[3].Index is not null && owner[3].Name == added.Job;
        }

        return false;
    }

    private static SortedDictionary<string, string> Generate(TempDirectory project)
    {
        using var output = new TempDirectory();
        var result = Cigen.Run(project.Path, ["generate", "--config", ".cigen", "--output", output.Path]);
        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        return new SortedDictionary<string, string>(
            output.Files().ToDictionary(path => path, path => File.ReadAllText(output.Combine(path))), StringComparer.Ordinal);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
