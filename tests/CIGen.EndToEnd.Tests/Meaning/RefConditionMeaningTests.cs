using System.Text;
using CIGen.Core.Generation;
using CIGen.EndToEnd.Tests.Support;
using CIGen.Protocol;
using CIGen.Provider.Sdk.Expressions;
using CIGen.Testing;
using CIGen.Testing.Meaning;
using YamlDotNet.RepresentationModel;

namespace CIGen.EndToEnd.Tests.Meaning;

/// <summary>
/// Issue 10's proof that conditions mean the same everywhere: one config with a job and a step for every condition
/// shape on refs (and a matrix job whose steps test its values, in its own steps and in a command's) goes through the real <c>cigen generate</c>; for each
/// event (branch push, tag push, pull request, schedule, manual run on a branch and on a tag) the GitHub workflow is
/// evaluated with GitHub's expression rules, the CircleCI config with CircleCI's filter and logic rules, and both must
/// run exactly the jobs and steps that cigen's own meaning (<see cref="ConditionMeaning"/>) runs.
/// </summary>
public sealed class RefConditionMeaningTests
{
    private static readonly string[] HandPicked =
    [
        "branch == 'main'", "branch != 'main'", "branch == ''", "branch != ''", "tag == ''", "tag != ''",
        "tag == 'v1.2.3'", "tag != 'v1.2.3'", "'v1.2.3' == tag", "startsWith(tag, 'v')", "!startsWith(tag, 'v')",
        "startsWith(branch, 'feature/')", "startsWith(branch, 'release/') || branch == 'main'", "branch == 'main' || tag != ''",
        "branch == 'main' && tag == ''", "startsWith(tag, 'v') && tag != 'v1.2.3'", "!(branch == 'main' || startsWith(branch, 'feature/'))",
        "success() && tag != ''", "(branch == 'main' || branch == 'dev') && !startsWith(tag, 'nightly')",
        "tag == 'v1.2.3' || startsWith(branch, 'feat')", "branch == 'main' || startsWith(branch, 'feature/') && branch != 'feature/login'",
        "startsWith(tag, '')", "${{ tag != '' }}", "branch != 'main' && tag == '' && branch != 'feature/login'",
    ];

    /// <summary>Every shape of a condition on refs, used once as a job's `if` and once as a step's: hand-picked, then generated.</summary>
    public static readonly string[] Shapes = [.. HandPicked, .. Generated(seed: 10, count: 60)];

    /// <summary>Random combinations (fixed seed, so every run tests the same) of ref tests under `&&`, `||` and `!`.</summary>
    private static IEnumerable<string> Generated(int seed, int count)
    {
        var random = new Random(seed);
        string[] refs = ["branch", "tag"];
        string[] literals = ["", "main", "dev", "v1.2.3", "v", "v2", "feature/", "feature/login", "release/", "nightly"];
        string Atom()
        {
            var (name, literal) = (refs[random.Next(refs.Length)], literals[random.Next(literals.Length)]);
            return random.Next(4) switch
            {
                0 => $"{name} == '{literal}'",
                1 => $"{name} != '{literal}'",
                2 => $"startsWith({name}, '{literal}')",
                _ => $"'{literal}' == {name}",
            };
        }

        string Expression(int depth) => depth == 0 || random.Next(3) == 0 ? Atom() : random.Next(3) switch
        {
            0 => $"{Expression(depth - 1)} && {Expression(depth - 1)}",
            1 => $"({Expression(depth - 1)} || {Expression(depth - 1)})",
            _ => $"!({Expression(depth - 1)})",
        };

        return Enumerable.Range(0, count).Select(_ => Expression(3));
    }

    /// <summary>Step conditions of the matrix job (target × cross), decided per leg.</summary>
    public static readonly string[] MatrixShapes =
    [
        "matrix.cross", "!matrix.cross", "matrix.target == 'linux'", "startsWith(matrix.target, 'li') && tag != ''",
        "matrix.cross && startsWith(tag, 'v')", "matrix.target != 'mac' || branch == 'main'", "matrix.target == 'LINUX'",
        "matrix.cross == 'true'", "!(matrix.cross || tag != '') && matrix.target != ''",
    ];

    private static readonly (string Target, bool Cross)[] Legs = [("linux", true), ("linux", false), ("mac", true), ("mac", false)];

    public sealed record Event(string Description, string Name, string Ref, string HeadRef, string Branch, string Tag)
    {
        public RunFacts Facts => new()
        {
            Branch = Branch,
            Tag = Tag,
            Statuses = new Dictionary<string, bool> { ["success"] = true, ["always"] = true, ["failure"] = false, ["cancelled"] = false },
        };

        public Dictionary<string, object?> GitHubContexts(IReadOnlyDictionary<string, object?>? matrix = null)
        {
            var contexts = new Dictionary<string, object?>
            {
                ["github.event_name"] = Name,
                ["github.ref"] = Ref,
                ["github.ref_name"] = Ref.StartsWith("refs/pull/", StringComparison.Ordinal) ? Ref["refs/pull/".Length..] : Ref.Split('/', 3)[2],
                ["github.ref_type"] = Ref.StartsWith("refs/tags/", StringComparison.Ordinal) ? "tag" : "branch",
                ["github.head_ref"] = HeadRef,
                ["github.base_ref"] = HeadRef.Length > 0 ? "main" : "",
            };
            foreach (var (name, value) in matrix ?? new Dictionary<string, object?>())
            {
                contexts[$"matrix.{name}"] = value;
            }

            return contexts;
        }

        /// <summary>CircleCI builds a pull request as the push of its head branch; a schedule or API trigger names a branch or tag.</summary>
        public CircleCiPipeline Pipeline => new(Branch, Tag);

        public override string ToString() => Description;
    }

    public static readonly TheoryData<Event> Events =
    [
        new("push to main", "push", "refs/heads/main", "", "main", ""),
        new("push to feature/login", "push", "refs/heads/feature/login", "", "feature/login", ""),
        new("push to dev", "push", "refs/heads/dev", "", "dev", ""),
        new("push of tag v1.2.3", "push", "refs/tags/v1.2.3", "", "", "v1.2.3"),
        new("push of tag v2.0.0", "push", "refs/tags/v2.0.0", "", "", "v2.0.0"),
        new("push of tag nightly-5", "push", "refs/tags/nightly-5", "", "", "nightly-5"),
        new("pull request from feature/login", "pull_request", "refs/pull/7/merge", "feature/login", "feature/login", ""),
        new("pull request from main", "pull_request", "refs/pull/8/merge", "main", "main", ""),
        new("schedule", "schedule", "refs/heads/main", "", "main", ""),
        new("manual run on release/2.0", "workflow_dispatch", "refs/heads/release/2.0", "", "release/2.0", ""),
        new("manual run on tag v3.1", "workflow_dispatch", "refs/tags/v3.1", "", "", "v3.1"),
    ];

    private static readonly Lazy<(string GitHub, string CircleCi)> Outputs = new(Generate);

    [Theory]
    [MemberData(nameof(Events))]
    public void Both_providers_run_the_jobs_cigen_means(Event run)
    {
        var (github, circleci) = Outputs.Value;
        var meant = Shapes.Select((shape, i) => (Job: JobId(i), Runs: Decide(shape, run.Facts))).Where(x => x.Runs).Select(x => x.Job).ToList();

        var githubJobs = (YamlMappingNode)Load(github)["jobs"];
        var onGitHub = Shapes.Select((_, i) => JobId(i))
            .Where(id => GitHubExpression.Holds(Text((YamlMappingNode)githubJobs[id], "if"), run.GitHubContexts())).ToList();
        var onCircleCi = Shapes.Select((_, i) => JobId(i)).Where(run.Pipeline.RunningJobs(circleci, "ci").Contains).ToList();

        onGitHub.Should().Equal(meant, $"GitHub must run what cigen means on {run}");
        onCircleCi.Should().Equal(meant, $"CircleCI must run what cigen means on {run}");
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void Both_providers_run_the_steps_cigen_means(Event run)
    {
        var (github, circleci) = Outputs.Value;
        var meant = Shapes.Select((shape, i) => (Step: StepMarker(i), Runs: Decide(shape, run.Facts))).Where(x => x.Runs).Select(x => x.Step).ToList();

        GitHubRuns(github, "step_tests", run.GitHubContexts()).Should().Equal(meant, $"GitHub must run the steps cigen means on {run}");
        run.Pipeline.RunCommands(circleci, "step_tests").Where(IsMarker).Should().Equal(meant, $"CircleCI must run the steps cigen means on {run}");
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void Matrix_legs_run_the_steps_cigen_means(Event run)
    {
        var (github, circleci) = Outputs.Value;
        foreach (var (target, cross) in Legs)
        {
            var values = new Dictionary<string, Scalar> { ["target"] = Scalar.String(target), ["cross"] = Scalar.Boolean(cross) };
            var facts = run.Facts with { Matrix = values };
            var meant = MatrixShapes.Select((shape, i) => (Step: MatrixMarker(i), Runs: Decide(shape, facts))).Where(x => x.Runs).Select(x => x.Step).ToList();
            var leg = $"{target}_{(cross ? "true" : "false")}";

            var contexts = run.GitHubContexts(new Dictionary<string, object?> { ["target"] = target, ["cross"] = cross });
            foreach (var job in new[] { "leg_tests", "command_leg_tests" })
            {
                GitHubRuns(github, job, contexts).Should().Equal(meant, $"GitHub's leg {leg} of {job} must run the steps cigen means on {run}");
                run.Pipeline.RunCommands(circleci, $"{job}_{leg}").Where(IsMarker)
                    .Should().Equal(meant, $"CircleCI's leg {leg} of {job} must run the steps cigen means on {run}");
            }
        }
    }

    [Fact]
    public void The_config_generates_cleanly_and_validates()
    {
        var (github, circleci) = Outputs.Value;

        Validators.AssertValidGitHubWorkflows([new OutputFile(".github/workflows/ci.yml", github)]);
        Validators.AssertValidCircleCiConfigs([new OutputFile(".circleci/config.yml", circleci)]);
    }

    private static bool Decide(string shape, RunFacts facts)
    {
        var (condition, error) = ConditionParser.Parse(shape);
        error.Should().BeNull();
        return ConditionMeaning.Decide(condition, facts) ?? throw new InvalidOperationException($"`{shape}` is not decided by {facts}");
    }

    private static IReadOnlyList<string> GitHubRuns(string workflow, string job, IReadOnlyDictionary<string, object?> contexts)
    {
        var definition = (YamlMappingNode)((YamlMappingNode)Load(workflow)["jobs"])[job];
        if (!GitHubExpression.Holds(Text(definition, "if"), contexts))
        {
            return [];
        }

        return ((YamlSequenceNode)definition["steps"]).Children.Cast<YamlMappingNode>()
            .Where(step => Text(step, "run") is { } command && IsMarker(command) && GitHubExpression.Holds(Text(step, "if"), contexts))
            .Select(step => Text(step, "run")!).ToList();
    }

    private static (string GitHub, string CircleCi) Generate()
    {
        using var project = new TempDirectory();
        project.Write("cigen.yml", Config());
        using var output = new TempDirectory();
        var result = Cigen.Run(project.Path, ["generate", "--output", output.Path]);
        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        result.Error.Should().NotContain(" error ");
        return (File.ReadAllText(output.Combine(".github", "workflows", "ci.yml")), File.ReadAllText(output.Combine(".circleci", "config.yml")));
    }

    private static string Config()
    {
        var config = new StringBuilder("""
            providers: [github-actions, circleci]
            packages: []
            workflows:
              ci:
                on:
                  push: {}
                  pull_request: {}
                  schedule: [{cron: '0 3 * * *'}]
                  workflow_dispatch: {}
                jobs:

            """);
        for (var i = 0; i < Shapes.Length; i++)
        {
            config.Append($"      {JobId(i)}:\n        if: {Quote(Shapes[i])}\n        checkout: false\n        steps: [{{run: echo {JobId(i)}}}]\n");
        }

        config.Append("      step_tests:\n        checkout: false\n        steps:\n");
        for (var i = 0; i < Shapes.Length; i++)
        {
            config.Append($"          - {{run: {StepMarker(i)}, if: {Quote(Shapes[i])}}}\n");
        }

        config.Append("      leg_tests:\n        checkout: false\n        matrix: {target: [linux, mac], cross: [true, false]}\n        steps:\n");
        for (var i = 0; i < MatrixShapes.Length; i++)
        {
            config.Append($"          - {{run: {MatrixMarker(i)}, if: {Quote(MatrixShapes[i])}}}\n");
        }

        // The same steps in a command: one for every leg on CircleCI, which passes each test decided.
        config.Append("      command_leg_tests:\n        checkout: false\n        matrix: {target: [linux, mac], cross: [true, false]}\n        steps: [leg_steps]\n");
        config.Append("commands:\n  leg_steps:\n    steps:\n");
        for (var i = 0; i < MatrixShapes.Length; i++)
        {
            config.Append($"      - {{run: {MatrixMarker(i)}, if: {Quote(MatrixShapes[i])}}}\n");
        }

        return config.ToString();
    }

    private static string Quote(string text) => $"\"{text}\"";

    private static string JobId(int i) => $"job_{i:00}";

    private static string StepMarker(int i) => $"echo step_{i:00}";

    private static string MatrixMarker(int i) => $"echo matrix_{i:00}";

    private static bool IsMarker(string command) => command.StartsWith("echo step_", StringComparison.Ordinal) || command.StartsWith("echo matrix_", StringComparison.Ordinal);

    private static string? Text(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? ((YamlScalarNode)node).Value : null;

    private static YamlMappingNode Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
