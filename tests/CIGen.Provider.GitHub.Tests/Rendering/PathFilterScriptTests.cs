using CIGen.Protocol;
using CIGen.Provider.GitHub.Tests.Fixtures;
using CIGen.Testing.Meaning;
using static CIGen.Provider.GitHub.Tests.Fixtures.WorkflowReadBack;

namespace CIGen.Provider.GitHub.Tests.Rendering;

/// <summary>
/// The plan job's path filter step, taken from a rendered workflow and run with bash in real git repositories, with its
/// env as GitHub expands it: an origin whose <c>refs/pull/N/merge</c> is a merge commit whose first parent is the base
/// (which moved on after the pull request branched off) and whose second is the pull request's head, as GitHub makes
/// it; a pull_request run works in a depth-2 fetch of that commit (the plan's checkout), a pull_request_target run in
/// a checkout of the base, from which the step fetches the merge commit itself.
/// </summary>
public sealed class PathFilterScriptTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("cigen-paths-").FullName;
    private int pulls;
    private int checkouts;

    public PathFilterScriptTests()
    {
        Directory.CreateDirectory(Origin);
        Directory.CreateDirectory(Home);
        Git(Origin, "init", "-q", "-b", "main");
        Change(Origin, ("src/app.c", "int main;"), ("src/lib.c", "int lib;"), ("docs/guide.md", "# Guide"), ("docs/api/index.md", "# API"), ("README.md", "# App"), ("hello.md", "hi"));
        Commit(Origin, "base");
    }

    private string Origin => Path.Combine(root, "origin");

    private string Home => Path.Combine(root, "home");

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Theory]
    [InlineData("docs/guide.md", "false")]
    [InlineData("docs/guide.md,src/app.c", "true")]
    [InlineData("src/app.c", "true")]
    [InlineData("docs/new/page.md", "false")]
    public void Paths_ignore_lets_a_pull_request_run_unless_it_changes_only_ignored_files(string files, string run)
    {
        var pull = PullRequest(Changes(files));

        var result = RunStep(Workflow("pull_request", "paths-ignore", "docs/**"), "pull_request", pull);

        result.Output.Should().Be(run, result.Log);
        result.Log.Contains("::notice::the paths-ignore filter leaves out every file this pull request changes", StringComparison.Ordinal).Should().Be(run == "false");
    }

    [Theory]
    [InlineData("hello.md", "*.md|!README.md", "true")]
    [InlineData("README.md", "*.md|!README.md", "false")]
    [InlineData("docs/guide.md", "*.md|!README.md", "false")]
    [InlineData("README.md", "*.md|!README.md|README*", "true")]
    [InlineData("README.md,docs/guide.md", "*.md|!README.md", "false")]
    [InlineData("README.md,hello.md", "*.md|!README.md", "true")]
    public void Paths_takes_later_negations_in_order_and_a_later_pattern_includes_again(string files, string patterns, string run)
    {
        var pull = PullRequest(Changes(files));

        var result = RunStep(Workflow("pull_request", "paths", patterns.Split('|')), "pull_request", pull);

        result.Output.Should().Be(run, result.Log);
    }

    [Theory]
    [InlineData("docs/guide.md", "false")]
    [InlineData("docs/api/index.md", "true")]
    [InlineData("docs/guide.md,docs/api/index.md", "true")]
    public void Paths_ignore_takes_a_later_negation_as_not_ignored(string files, string run)
    {
        var pull = PullRequest(Changes(files));

        var result = RunStep(Workflow("pull_request", "paths-ignore", "docs/**", "!docs/api/**"), "pull_request", pull);

        result.Output.Should().Be(run, result.Log);
    }

    [Fact]
    public void The_base_moving_on_after_the_pull_request_branched_off_is_not_the_pull_requests_change()
    {
        var pull = PullRequest(Changes("docs/guide.md"));

        var result = RunStep(Workflow("pull_request", "paths", "src/**"), "pull_request", pull);

        Git(Origin, "diff", "--name-only", $"{pull.Head}", $"refs/pull/{pull.Number}/merge").Should().Contain($"src/base{pull.Number}.c");
        result.Output.Should().Be("false", result.Log);
    }

    [Fact]
    public void A_renamed_file_counts_under_both_names()
    {
        var pull = PullRequest(("src/app.c", null), ("docs/app.md", "int main;"));

        RunStep(Workflow("pull_request", "paths-ignore", "docs/**"), "pull_request", pull).Output.Should().Be("true");
        RunStep(Workflow("pull_request", "paths", "src/**"), "pull_request", pull).Output.Should().Be("true");
    }

    [Theory]
    [InlineData("push")]
    [InlineData("workflow_dispatch")]
    [InlineData("pull_request_target")]
    public void Another_event_is_not_decided_and_runs(string @event)
    {
        // No git repository at all: the step must not need one for an event it does not filter.
        var result = RunStep(Workflow("pull_request", "paths-ignore", "docs/**"), @event, (1, "0000000"), Home);

        result.Output.Should().Be("true", result.Log);
        result.Log.Should().Contain($"no path filter applies to this {@event} event");
    }

    [Theory]
    [InlineData("docs/guide.md", "false")]
    [InlineData("src/app.c", "true")]
    public void Pull_request_target_fetches_the_merge_commit_and_decides_on_it(string files, string run)
    {
        var pull = PullRequest(Changes(files));

        var result = RunStep(Workflow("pull_request_target", "paths-ignore", "docs/**"), "pull_request_target", pull);

        result.Output.Should().Be(run, result.Log);
    }

    [Fact]
    public void A_merge_commit_of_another_head_runs_everything_with_a_warning()
    {
        var pull = PullRequest(Changes("docs/guide.md"));

        var result = RunStep(Workflow("pull_request", "paths-ignore", "docs/**"), "pull_request", (pull.Number, new string('1', 40)));

        result.Output.Should().Be("true");
        result.Log.Should().Contain("::warning::the merge commit does not merge the pull request's head").And.Contain("the jobs run as usual");
    }

    [Fact]
    public void A_merge_commit_that_cannot_be_fetched_runs_everything_with_a_warning()
    {
        var pull = PullRequest(Changes("docs/guide.md"));

        var result = RunStep(Workflow("pull_request_target", "paths-ignore", "docs/**"), "pull_request_target", (pull.Number + 100, pull.Head));

        result.Output.Should().Be("true");
        result.Log.Should().Contain($"::warning::could not fetch the merge commit of pull request #{pull.Number + 100}");
    }

    [Fact]
    public void Changed_file_names_are_printed_quoted_with_workflow_commands_stopped()
    {
        var pull = PullRequest(("docs/::error::x\nb.md", "x"), ("docs/a b.md", "y"));

        var result = RunStep(Workflow("pull_request", "paths-ignore", "docs/**"), "pull_request", pull);

        result.Output.Should().Be("false", result.Log);
        var lines = result.Log.Split('\n');
        var stop = Array.FindIndex(lines, l => l.StartsWith("::stop-commands::", StringComparison.Ordinal));
        stop.Should().BeGreaterThanOrEqualTo(0, result.Log);
        var resume = Array.IndexOf(lines, $"::{lines[stop]["::stop-commands::".Length..]}::");
        resume.Should().BeGreaterThan(stop);
        lines[(stop + 1)..resume].Should().Equal("paths-ignore leaves out: $'docs/::error::x\\nb.md'", "paths-ignore leaves out: docs/a\\ b.md");
        lines.Where((_, i) => i < stop || i > resume).Should().NotContain(l => l.Contains("docs/", StringComparison.Ordinal));
    }

    private static (string Path, string? Content)[] Changes(string files) =>
        [.. files.Split(',').Select(f => (f, (string?)$"changed in a pull request: {f}"))];

    /// <summary>The skipping sample started by <paramref name="event"/> filtered by <paramref name="kind"/>.</summary>
    private static string Workflow(string @event, string kind, params string[] patterns)
    {
        var trigger = G.Event(@event) with { Paths = kind == "paths" ? patterns : [], PathsIgnore = kind == "paths-ignore" ? patterns : [] };
        var graph = SkippingSample.Graph(SkippingSample.Native());
        return Render.Single(graph with { Workflows = [graph.Workflows[0] with { Triggers = [G.Push(), trigger] }] });
    }

    /// <summary>
    /// A pull request from main that makes <paramref name="changes"/> (null content: delete); main then moves on (a
    /// change of its own) and GitHub's merge commit of the two becomes origin's <c>refs/pull/N/merge</c>.
    /// </summary>
    private (int Number, string Head) PullRequest(params (string Path, string? Content)[] changes)
    {
        var number = ++pulls;
        Git(Origin, "checkout", "-q", "-b", $"pr{number}", "main");
        Change(Origin, changes);
        Commit(Origin, $"pull request {number}");
        var head = Git(Origin, "rev-parse", "HEAD").Trim();
        Git(Origin, "checkout", "-q", "main");
        Change(Origin, ($"src/base{number}.c", "the base moves on"));
        Commit(Origin, "base moves on");
        Git(Origin, "checkout", "-q", "--detach", "main");
        Git(Origin, "-c", "user.name=cigen", "-c", "user.email=cigen@example.com", "merge", "-q", "--no-ff", "--no-edit", $"pr{number}");
        Git(Origin, "update-ref", $"refs/pull/{number}/merge", "HEAD");
        Git(Origin, "checkout", "-q", "main");
        return (number, head);
    }

    /// <summary>
    /// Runs the step as GitHub would for <paramref name="event"/> of <paramref name="pull"/>: in a checkout like the
    /// plan job's (unless <paramref name="directory"/> is given), with only the step's env (expanded) and GitHub's
    /// variables; returns what it wrote to <c>$GITHUB_OUTPUT</c> as <c>run</c> and its log.
    /// </summary>
    private (string Output, string Log) RunStep(string workflow, string @event, (int Number, string Head) pull, string? directory = null)
    {
        var step = Step(new WorkflowReadBack(workflow).Job("cigen_plan"), "cigen_paths");
        var contexts = new Dictionary<string, object?>
        {
            ["github.event.pull_request.number"] = (double)pull.Number,
            ["github.event.pull_request.head.sha"] = pull.Head,
        };
        directory ??= Checkout(@event, pull.Number);
        var script = Path.Combine(root, "step.sh");
        var output = Path.Combine(root, "output");
        File.WriteAllText(script, Text(step, "run"));
        File.WriteAllText(output, "");
        var env = Pairs(Mapping(step, "env")).Select(e => $"{e.Key}={GitHubExpression.Interpolate(e.Value, contexts)}");
        var run = ShellRun.Run(
            "env",
            ["-i", $"PATH={Environment.GetEnvironmentVariable("PATH")}", $"HOME={Home}", $"GITHUB_EVENT_NAME={@event}", $"GITHUB_OUTPUT={output}", .. env,
                "bash", "--noprofile", "--norc", "-eo", "pipefail", script],
            directory);
        run.ExitCode.Should().Be(0, run.StandardError + run.Text);
        var lines = File.ReadAllLines(output);
        lines.Should().ContainSingle().Which.Should().StartWith("run=");
        return (lines[0]["run=".Length..], run.Text + run.StandardError);
    }

    /// <summary>
    /// The plan job's checkout: for pull_request the merge commit with both parents (fetch-depth 2), for
    /// pull_request_target the base branch.
    /// </summary>
    private string Checkout(string @event, int number)
    {
        var work = Directory.CreateDirectory(Path.Combine(root, $"work{++checkouts}")).FullName;
        Git(work, "init", "-q");
        Git(work, "remote", "add", "origin", $"file://{Origin}");
        var source = @event == "pull_request" ? $"refs/pull/{number}/merge" : "refs/heads/main";
        Git(work, "fetch", "-q", "--no-tags", @event == "pull_request" ? "--depth=2" : "--depth=1", "origin", $"+{source}:refs/remotes/checkout");
        Git(work, "checkout", "-q", "--detach", "refs/remotes/checkout");
        return work;
    }

    private static void Change(string repository, params (string Path, string? Content)[] changes)
    {
        foreach (var (path, content) in changes)
        {
            var full = Path.Combine(repository, path);
            if (content is null)
            {
                File.Delete(full);
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }
    }

    private static void Commit(string repository, string message)
    {
        Git(repository, "add", "-A");
        Git(repository, "-c", "user.name=cigen", "-c", "user.email=cigen@example.com", "commit", "-q", "-m", message);
    }

    private static string Git(string directory, params string[] arguments)
    {
        var run = ShellRun.Run("git", arguments, directory);
        run.ExitCode.Should().Be(0, $"git {string.Join(' ', arguments)}: {run.StandardError}");
        return run.Text;
    }
}
