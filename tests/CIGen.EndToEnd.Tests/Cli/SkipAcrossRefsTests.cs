using System.Text;
using System.Text.RegularExpressions;
using CIGen.Core.Generation;
using CIGen.EndToEnd.Tests.Support;
using CIGen.Protocol;
using CIGen.Skipping.Tests.Support;
using CIGen.Testing;
using CIGen.Testing.Meaning;
using YamlDotNet.RepresentationModel;

namespace CIGen.EndToEnd.Tests.Cli;

/// <summary>
/// Skipping across refs, through <c>cigen generate</c> and the generated steps run in bash against a real Redis: a
/// branch run records markers, then a tag run of the same tree. <c>build</c> reads the ref in a script (its
/// "publish archives" part runs on tags only), so the branch marker must not skip it on the tag; <c>lint</c> does not
/// depend on the ref and still skips; <c>docs</c> says <c>skip_on_tags: false</c> and runs on every tag; <c>deploy</c>
/// deploys from <c>main</c> only, so another branch's marker (a fast-forward merge of the same tree) must not skip it.
/// </summary>
public sealed partial class SkipAcrossRefsTests : CliTestBase, IDisposable
{
    private const string Config = """
        providers: [github-actions, circleci]
        cache_backends:
          markers: {type: redis, url: '${REDIS_URL}'}
        skip_cache: {default: markers}
        github: {skip_strategy: early_exit}
        jobs:
          build:
            source_files: [src/**]
            steps:
              - run: make
              - name: Publish archives
                run: if [ -n "${CIRCLE_TAG:-}" ] || [ "${GITHUB_REF_TYPE:-}" = tag ]; then make publish; fi
          lint:
            source_files: [src/**]
            steps:
              - run: make lint
          docs:
            source_files: [src/**]
            skip_on_tags: false
            steps:
              - run: make docs
          deploy:
            source_files: [src/**]
            steps:
              - run: make
              - name: Deploy
                if: branch == 'main'
                run: make deploy
        """;

    /// <summary>The variables a platform sets, cleared first so the test's own CI cannot leak into the runs.</summary>
    private static readonly string[] RefVariables =
        ["CIRCLE_TAG", "CIRCLE_BRANCH", "CIRCLE_PULL_REQUEST", "GITHUB_REF", "GITHUB_REF_NAME", "GITHUB_REF_TYPE", "GITHUB_EVENT_NAME", "GITHUB_HEAD_REF", "GITHUB_BASE_REF"];

    private static readonly Dictionary<string, string> CircleBranch = new() { ["CIRCLE_BRANCH"] = "main" };
    private static readonly Dictionary<string, string> CircleTag = new() { ["CIRCLE_TAG"] = "v1" };
    private static readonly Dictionary<string, string> CircleFeature = new() { ["CIRCLE_BRANCH"] = "feature" };

    private static readonly Dictionary<string, string> GitHubBranch = new()
    {
        ["GITHUB_REF"] = "refs/heads/main", ["GITHUB_REF_NAME"] = "main", ["GITHUB_REF_TYPE"] = "branch", ["GITHUB_EVENT_NAME"] = "push",
    };

    private static readonly Dictionary<string, string> GitHubTag = new()
    {
        ["GITHUB_REF"] = "refs/tags/v1", ["GITHUB_REF_NAME"] = "v1", ["GITHUB_REF_TYPE"] = "tag", ["GITHUB_EVENT_NAME"] = "push",
    };

    private static readonly Dictionary<string, string> GitHubFeature = new()
    {
        ["GITHUB_REF"] = "refs/heads/feature", ["GITHUB_REF_NAME"] = "feature", ["GITHUB_REF_TYPE"] = "branch", ["GITHUB_EVENT_NAME"] = "push",
    };

    private static readonly Dictionary<string, string> GitHubPullRequest = new()
    {
        ["GITHUB_REF"] = "refs/pull/7/merge", ["GITHUB_REF_NAME"] = "7/merge", ["GITHUB_REF_TYPE"] = "branch", ["GITHUB_EVENT_NAME"] = "pull_request",
        ["GITHUB_HEAD_REF"] = "feature", ["GITHUB_BASE_REF"] = "main",
    };

    private readonly RedisServer redis = new();

    /// <summary>Where this test's CircleCI steps keep what the generated scripts keep in <c>/tmp/cigen/</c>: tests run in parallel.</summary>
    private readonly TempDirectory scratch = new();

    public SkipAcrossRefsTests()
    {
        Project.Write("cigen.yml", Config);
        Project.Write("src/app.c", "int main(void) { return 0; }\n");
        var result = Run(["generate"], new Dictionary<string, string?> { ["REDIS_URL"] = null });
        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
    }

    [Fact]
    public void CircleCI_a_tag_run_after_a_branch_run_runs_ref_dependent_jobs_and_skips_the_others()
    {
        var jobs = (YamlMappingNode)Parse(CircleCiCommands.Inline(File.ReadAllText(Project.Combine(".circleci/config.yml")), CircleCiCommands.IsCigens)).Children["jobs"];

        CircleRun(jobs, CircleBranch).Should().Equal(Verdicts(build: "run", lint: "run", docs: "run", deploy: "run"), "nothing was recorded yet");
        CircleRun(jobs, CircleBranch).Should().Equal(Verdicts(build: "skip", lint: "skip", docs: "skip", deploy: "skip"), "the same tree on a branch again");
        CircleRun(jobs, CircleTag).Should().Equal(Verdicts(build: "run", lint: "skip", docs: "run", deploy: "run"),
            "build reads the ref, so its branch marker does not count on a tag; lint does not; docs never skips on tags");
        CircleRun(jobs, CircleTag).Should().Equal(Verdicts(build: "skip", lint: "skip", docs: "run", deploy: "skip"), "the tag markers count on the same tag");
        CircleRun(jobs, CircleFeature).Should().Equal(Verdicts(build: "run", lint: "skip", docs: "skip", deploy: "run"),
            "build and deploy read the ref's name: main's markers do not count on another branch");
        // build reads the ref's variables in a script, so its markers carry the ref's name too.
        redis.Cli("KEYS", "*").Should().Contain("/ci/build/tag-").And.Contain("/ci/build/branch-").And.NotContain("/ci/lint/tag");
    }

    [Fact]
    public void GitHub_a_tag_run_after_a_branch_run_runs_ref_dependent_jobs_and_skips_the_others()
    {
        var jobs = (YamlMappingNode)Load(".github/workflows/ci.yml").Children["jobs"];

        GitHubRun(jobs, GitHubBranch).Should().Equal(Verdicts(build: "run", lint: "run", docs: "run", deploy: "run"), "nothing was recorded yet");
        GitHubRun(jobs, GitHubBranch).Should().Equal(Verdicts(build: "skip", lint: "skip", docs: "skip", deploy: "skip"), "the same tree on a branch again");
        GitHubRun(jobs, GitHubTag).Should().Equal(Verdicts(build: "run", lint: "skip", docs: "run", deploy: "run"),
            "build reads the ref, so its branch marker does not count on a tag; lint does not; docs never skips on tags");
        GitHubRun(jobs, GitHubTag).Should().Equal(Verdicts(build: "skip", lint: "skip", docs: "run", deploy: "skip"), "the tag markers count on the same tag");
        GitHubRun(jobs, GitHubFeature).Should().Equal(Verdicts(build: "run", lint: "skip", docs: "skip", deploy: "run"),
            "build and deploy read the ref's name: main's markers do not count on another branch");
        GitHubRun(jobs, GitHubPullRequest).Should().Equal(Verdicts(build: "run", lint: "skip", docs: "skip", deploy: "run"), "a pull request is a ref kind of its own");
    }

    [Fact]
    public void Both_outputs_pass_the_validators()
    {
        Validators.AssertValidCircleCiConfigs(new[] { ".circleci/config.yml", ".circleci/cigen-runtime.sh" }.Select(path => new OutputFile(path, File.ReadAllText(Project.Combine(path)))));
        Validators.AssertValidGitHubWorkflows([new OutputFile(".github/workflows/ci.yml", File.ReadAllText(Project.Combine(".github/workflows/ci.yml")))]);
    }

    private static Dictionary<string, string> Verdicts(string build, string lint, string docs, string deploy) =>
        new() { ["build"] = build, ["lint"] = lint, ["docs"] = docs, ["deploy"] = deploy };

    /// <summary>
    /// Each job's skip steps as CircleCI runs them (cigen's commands inlined, one shell per step, the step's environment
    /// set): the hash with the lookup, the halt (a stub <c>circleci-agent</c> notes it); when not halted, the record.
    /// </summary>
    private Dictionary<string, string> CircleRun(YamlMappingNode jobs, Dictionary<string, string> refs)
    {
        var verdicts = new Dictionary<string, string>();
        using var bin = new TempDirectory();
        bin.Write("circleci-agent", "#!/bin/sh\ntouch \"$CIGEN_TEST_HALTED\"\n");
        File.SetUnixFileMode(bin.Combine("circleci-agent"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        foreach (var job in (string[])["build", "lint", "docs", "deploy"])
        {
            using var state = new TempDirectory();
            var halted = state.Combine("halted");
            var steps = ((YamlSequenceNode)((YamlMappingNode)jobs.Children[job]).Children["steps"]).Cast<YamlNode>()
                .OfType<YamlMappingNode>().Select(s => s.Children.TryGetValue("run", out var run) ? run as YamlMappingNode : null).OfType<YamlMappingNode>()
                .Where(r => Text(r, "name") is { } name && (name.Contains("job hash", StringComparison.Ordinal) || name.Contains("skip marker", StringComparison.Ordinal)
                    || name.StartsWith("Skip the job", StringComparison.Ordinal) || name.Contains("on every tag", StringComparison.Ordinal)))
                .ToList();
            steps.Select(s => Text(s, "name")).Should().Equal("Compute the job hash and look up its skip marker", "Skip the job when its inputs are unchanged", "Record the skip marker");
            foreach (var step in steps)
            {
                if (Text(step, "name") == "Record the skip marker" && File.Exists(halted))
                {
                    break;
                }

                var environment = new Dictionary<string, string>(refs) { ["CIGEN_TEST_HALTED"] = halted, ["REDIS_URL"] = redis.Url };
                if (step.Children.TryGetValue("environment", out var env))
                {
                    foreach (var (key, value) in ((YamlMappingNode)env).Children)
                    {
                        environment[((YamlScalarNode)key).Value!] = ((YamlScalarNode)value).Value!;
                    }
                }

                RunStep(Text(step, "command")!, environment, bin.Path);
            }

            verdicts[job] = File.Exists(halted) ? "skip" : "run";
        }

        return verdicts;
    }

    /// <summary>
    /// Each job's <c>early_exit</c> steps as GitHub runs them: the runtime action's steps (<c>uses:
    /// ./.github/actions/cigen</c>) run as the generated <c>action.yml</c> says, their inputs and env evaluated with the
    /// earlier steps' outputs and the secrets; a step's <c>if</c> decided by GitHub's rules; user steps not run. A job
    /// is skipped when its hash step found the marker.
    /// </summary>
    private Dictionary<string, string> GitHubRun(YamlMappingNode jobs, Dictionary<string, string> refs)
    {
        var action = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)Load(".github/actions/cigen/action.yml").Children["runs"]).Children["steps"]).Children.Cast<YamlMappingNode>().First(s => s.Children.ContainsKey("run"));
        var verdicts = new Dictionary<string, string>();
        foreach (var job in (string[])["build", "lint", "docs", "deploy"])
        {
            var context = new Dictionary<string, object?> { ["secrets.REDIS_URL"] = redis.Url };
            var steps = ((YamlSequenceNode)((YamlMappingNode)jobs.Children[job]).Children["steps"]).Cast<YamlMappingNode>().ToList();
            foreach (var step in steps.Where(s => Text(s, "id") is "cigen_hash" or "cigen_skip" || Text(s, "name") == "Record the skip marker"))
            {
                if (Text(step, "if") is { } condition && !GitHubExpression.Holds(condition, context))
                {
                    continue;
                }

                if (Text(step, "uses") != "./.github/actions/cigen")
                {
                    // The native lookup: nothing is recorded in the platform's cache here, so it never finds a marker.
                    continue;
                }

                var inputs = Pairs(step, "with").ToDictionary(p => $"inputs.{p.Key}", p => (object?)GitHubExpression.Interpolate(p.Value, context));
                var environment = new Dictionary<string, string>(refs);
                foreach (var (key, value) in Pairs(step, "env"))
                {
                    environment[key] = GitHubExpression.Interpolate(value, context);
                }

                foreach (var (key, value) in Pairs(action, "env"))
                {
                    environment[key] = GitHubExpression.Interpolate(value, inputs);
                }

                using var state = new TempDirectory();
                var output = state.Write("github_output", "");
                environment["GITHUB_OUTPUT"] = output;
                environment["GITHUB_ACTION_PATH"] = Project.Combine(".github/actions/cigen");
                RunStep(Text(action, "run")!, environment, null);
                foreach (var line in File.ReadAllLines(output).Where(l => l.Contains('=', StringComparison.Ordinal)))
                {
                    context[$"steps.{Text(step, "id")}.outputs.{line[..line.IndexOf('=', StringComparison.Ordinal)]}"] = line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..];
                }
            }

            var found = GitHubExpression.Interpolate("${{ fromJSON(steps.cigen_hash.outputs.json).marker_found }}", context);
            verdicts[job] = found == "true" ? "skip" : "run";
        }

        return verdicts;
    }

    private static IEnumerable<KeyValuePair<string, string>> Pairs(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(key, out var node) && node is YamlMappingNode inner
            ? inner.Children.Select(p => KeyValuePair.Create(((YamlScalarNode)p.Key).Value!, ((YamlScalarNode)p.Value).Value!))
            : [];

    private void RunStep(string script, Dictionary<string, string> environment, string? pathPrefix)
    {
        var text = new StringBuilder("unset ").AppendJoin(' ', RefVariables).Append('\n');
        foreach (var (key, value) in environment)
        {
            text.Append("export ").Append(key).Append("='").Append(value.Replace("'", "'\\''", StringComparison.Ordinal)).Append("'\n");
        }

        var runtime = File.ReadAllText(Project.Combine(".circleci/cigen-runtime.sh"));
        var moved = text.Append("set -eo pipefail\n").ToString().Replace("/tmp/cigen/", scratch.Path + "/", StringComparison.Ordinal)
            + CircleCiRuntimeFile.Moved(script, runtime, scratch.Path);
        var run = ShellRun.Bash(moved, Project.Path, pathPrefix);
        run.ExitCode.Should().Be(0, $"the step runs:\n{script}\n{run.StandardError}");
    }

    private YamlMappingNode Load(string path) => Parse(File.ReadAllText(Project.Combine(path)));

    private static YamlMappingNode Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string? Text(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(key, out var node) && node is YamlScalarNode scalar ? scalar.Value : null;

    void IDisposable.Dispose()
    {
        redis.Dispose();
        scratch.Dispose();
        Dispose();
    }
}
