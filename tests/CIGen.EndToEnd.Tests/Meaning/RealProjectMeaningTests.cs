using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CIGen.EndToEnd.Tests.Examples;
using CIGen.Protocol;
using CIGen.Provider.Sdk.Expressions;
using CIGen.Testing.Meaning;
using YamlDotNet.RepresentationModel;
using Project = CIGen.EndToEnd.Tests.Examples.RealProjectConfigTests.Project;

namespace CIGen.EndToEnd.Tests.Meaning;

/// <summary>
/// Issue 10 on the ported real projects (<see cref="RealProjectConfigTests"/>): for each event — a push to the default
/// branch, to a feature branch, of the tag v1.2.3, a pull request, a schedule, a manual run — the jobs (each matrix leg)
/// and the conditional steps cigen means to run are computed from the loaded graph (GitHub's trigger rules on the
/// config's <c>on:</c>, <see cref="ConditionMeaning"/> on the job and step conditions, requirements), and compared with
/// what the generated GitHub workflows run (GitHub's trigger rules on the rendered <c>on:</c>, its expression rules on
/// every <c>if:</c>, <c>needs</c> results) and what the CircleCI config runs (its filter, <c>when</c> and requires rules).
/// Nothing is skipped as unchanged here: every plan verdict is "run".
/// <para>
/// CircleCI has no events, only pipelines of a branch or a tag: it builds a pull request as the push of its branch, so its
/// pipeline of a branch runs what cigen means for a push of that branch or a pull request from it, and a schedule or a
/// manual run is a pipeline of the default branch that exists only when some workflow asks for that event (with the
/// workflow's <c>run_&lt;workflow&gt;</c> parameter set). That mapping is documented (docs/config.md, CircleCI notes).
/// </para>
/// </summary>
public sealed partial class RealProjectMeaningTests
{
    private const string Feature = "feature/login";
    private const string Tag = "v1.2.3";

    /// <summary>An event on GitHub and the CircleCI pipeline that stands for it.</summary>
    public sealed record Event(string Description, GitHubEvent GitHub, string Ref, string HeadRef)
    {
        public RunFacts Facts => new()
        {
            Branch = GitHub.Tag.Length > 0 ? "" : GitHub.Branch,
            Tag = GitHub.Tag,
            Statuses = new Dictionary<string, bool> { ["success"] = true, ["always"] = true, ["failure"] = false, ["cancelled"] = false },
        };

        public Dictionary<string, object?> Contexts() => new()
        {
            ["github.event_name"] = GitHub.Name,
            ["github.ref"] = Ref,
            ["github.ref_name"] = Ref.StartsWith("refs/pull/", StringComparison.Ordinal) ? Ref["refs/pull/".Length..] : Ref.Split('/', 3)[2],
            ["github.ref_type"] = Ref.StartsWith("refs/tags/", StringComparison.Ordinal) ? "tag" : "branch",
            ["github.head_ref"] = HeadRef,
            ["github.base_ref"] = GitHub.BaseBranch,
        };

        public override string ToString() => Description;
    }

    public static IReadOnlyList<Event> Events(Project project)
    {
        var main = project.DefaultBranch;
        return
        [
            new($"push to {main}", new GitHubEvent("push", main, ""), $"refs/heads/{main}", ""),
            new($"push to {Feature}", new GitHubEvent("push", Feature, ""), $"refs/heads/{Feature}", ""),
            new($"push of tag {Tag}", new GitHubEvent("push", "", Tag), $"refs/tags/{Tag}", ""),
            new($"pull request from {Feature} into {main}", new GitHubEvent("pull_request", Feature, "", main), "refs/pull/7/merge", Feature),
            new("schedule", new GitHubEvent("schedule", main, ""), $"refs/heads/{main}", ""),
            new($"manual run on {main}", new GitHubEvent("workflow_dispatch", main, ""), $"refs/heads/{main}", ""),
        ];
    }

    public static TheoryData<Project, string> Cases()
    {
        var cases = new TheoryData<Project, string>();
        foreach (var project in RealProjectConfigTests.All)
        {
            foreach (var run in Events(project))
            {
                cases.Add(project, run.Description);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GitHub_runs_the_jobs_and_legs_cigen_means(Project project, string description)
    {
        var run = Events(project).Single(e => e.Description == description);
        var generated = RealProjectConfigTests.Of(project);
        foreach (var workflow in generated.Graph.Workflows)
        {
            var meant = Meant(workflow, run);
            var onGitHub = GitHubRuns(generated.Text($".github/workflows/{workflow.Id}.yml"), workflow, run);

            onGitHub.Keys.Should().BeEquivalentTo(meant.Keys, $"GitHub must run the jobs of {project}/{workflow.Id} that cigen means on {run}");
            foreach (var (leg, steps) in meant)
            {
                onGitHub[leg].Should().Equal(steps, $"GitHub's {leg} must run the conditional steps cigen means on {run}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CircleCI_runs_the_jobs_and_legs_cigen_means(Project project, string description)
    {
        var run = Events(project).Single(e => e.Description == description);
        var generated = RealProjectConfigTests.Of(project);
        var config = generated.Text(".circleci/config.yml");
        var workflows = generated.Graph.Workflows;
        var pipeline = Pipeline(workflows, run);
        foreach (var workflow in workflows)
        {
            var meant = pipeline is null ? [] : CircleCiMeaning(workflow, run, project);
            var onCircleCi = pipeline is null ? [] : CircleCiRuns(config, workflow, pipeline);

            onCircleCi.Keys.Should().BeEquivalentTo(meant.Keys, $"CircleCI must run the jobs of {project}/{workflow.Id} that cigen means on {run}");
            foreach (var (leg, steps) in meant)
            {
                onCircleCi[leg].Should().Equal(steps, $"CircleCI's {leg} must run the conditional steps cigen means on {run}");
            }
        }
    }

    /// <summary>
    /// Every skippable job already passed at this commit, on a branch and in a pull request, so its markers exist (its
    /// ref-scoped ones for those ref kinds; no tag run recorded any). cigen means each is skipped as unchanged — but on a
    /// tag run not when its marker names the ref kind (it depends on the ref) or it says <c>skip_on_tags: false</c> — and
    /// the jobs after it run as if it succeeded. GitHub's plan job says so in its outputs; the jobs' conditions must
    /// then run exactly the rest. (CircleCI starts every job and halts the unchanged ones as a success, so what runs
    /// after them is what the CircleCI test checks.)
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void GitHub_skips_the_unchanged_jobs_and_runs_what_follows_them(Project project, string description)
    {
        var run = Events(project).Single(e => e.Description == description);
        var generated = RealProjectConfigTests.Of(project);
        bool Unchanged(Job job) => job.Skipping is { } skipping && !(run.GitHub.Tag.Length > 0 && (skipping.RefScope != SkipRefScope.None || !skipping.SkipOnTags));
        foreach (var workflow in generated.Graph.Workflows)
        {
            var meant = Meant(workflow, run, Unchanged);
            var onGitHub = GitHubRuns(generated.Text($".github/workflows/{workflow.Id}.yml"), workflow, run, Unchanged);

            onGitHub.Keys.Should().BeEquivalentTo(
                meant.Keys, $"GitHub must run the jobs of {project}/{workflow.Id} that cigen means and that are not unchanged on {run}");
        }
    }

    /// <summary>
    /// cigen's meaning: each job leg that runs, with the names of its conditional steps that run. A job
    /// <paramref name="unchanged"/> says is skipped as unchanged does no work, and what follows it runs as if it succeeded.
    /// </summary>
    private static Dictionary<string, List<string>> Meant(Workflow workflow, Event run, Func<Job, bool>? unchanged = null)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (!GitHubTriggers.Starts(workflow.Triggers.Select(Filters), run.GitHub))
        {
            return result;
        }

        var runs = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool Runs(Job job)
        {
            if (!runs.TryGetValue(job.Id, out var known))
            {
                known = Legs(job).Any(leg => LegRuns(job, leg))
                    && job.Needs.All(id => Runs(JobOf(workflow, id)))
                    && (job.RequiresAny.Count == 0 || job.RequiresAny.Any(id => Runs(JobOf(workflow, id))));
                runs[job.Id] = known;
            }

            return known;
        }

        bool LegRuns(Job job, MatrixLeg? leg) => ConditionMeaning.Decide(job.Condition, FactsOf(run, leg)) == true;

        foreach (var job in workflow.Jobs.Where(j => Runs(j) && unchanged?.Invoke(j) != true))
        {
            foreach (var leg in Legs(job).Where(leg => LegRuns(job, leg)))
            {
                result[LegKey(job, leg)] = [.. ConditionalSteps(job).Where(s => ConditionMeaning.Decide(s.Condition, FactsOf(run, leg)) == true).Select(s => s.Name!)];
            }
        }

        return result;
    }

    /// <summary>What CircleCI's pipeline for the event should run: see the class summary.</summary>
    private static Dictionary<string, List<string>> CircleCiMeaning(Workflow workflow, Event run, Project project)
    {
        if (!workflow.Triggers.Any(t => t.Event is "push" or "pull_request" or "pull_request_target"))
        {
            return Meant(workflow, run);
        }

        var branch = run.Facts.Branch!;
        if (branch.Length == 0)
        {
            return Meant(workflow, run);
        }

        var push = new Event("push", new GitHubEvent("push", branch, ""), $"refs/heads/{branch}", "");
        var pullRequest = new Event("pull request", new GitHubEvent("pull_request", branch, "", project.DefaultBranch), "refs/pull/7/merge", branch);
        var result = Meant(workflow, push);
        foreach (var (leg, steps) in Meant(workflow, pullRequest))
        {
            result.TryAdd(leg, steps);
        }

        return result;
    }

    /// <summary>The CircleCI pipeline that stands for the event, or null when CircleCI starts none for it.</summary>
    private static CircleCiPipeline? Pipeline(IReadOnlyList<Workflow> workflows, Event run)
    {
        if (run.GitHub.Name is "push" or "pull_request")
        {
            return new CircleCiPipeline(run.Facts.Branch!, run.Facts.Tag!);
        }

        var asking = workflows.Where(w => w.Triggers.Any(t => t.Event == run.GitHub.Name)).ToList();
        return asking.Count == 0 ? null : new CircleCiPipeline(run.Facts.Branch!, run.Facts.Tag!, asking.ToDictionary(w => $"run_{w.Id}", _ => "true"));
    }

    /// <param name="unchanged">The jobs the plan job finds markers for (its outputs say `skip`); none when null.</param>
    private static Dictionary<string, List<string>> GitHubRuns(string text, Workflow workflow, Event run, Func<Job, bool>? unchanged = null)
    {
        var root = Load(text);
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (!GitHubTriggers.Starts(GitHubTriggers.Read(root["on"]), run.GitHub))
        {
            return result;
        }

        var jobs = (YamlMappingNode)root["jobs"];
        var contexts = run.Contexts();
        foreach (var job in workflow.Jobs.Where(j => j.Skipping is not null))
        {
            var skip = unchanged?.Invoke(job) == true;
            contexts[$"needs.cigen_plan.outputs.{job.Id}"] = skip ? "skip" : "run";
            // A job skipped as a whole does not start; one that starts runs every leg (the plan leaves none out here).
            contexts[$"needs.cigen_plan.outputs.{job.Id}_legs"] = "{}";
            contexts[$"needs.cigen_plan.outputs.{job.Id}_skipped"] = "[]";
        }

        var results = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool Runs(string id)
        {
            if (results.TryGetValue(id, out var known))
            {
                return known;
            }

            var definition = (YamlMappingNode)jobs[id];
            var needs = definition.Children.TryGetValue(new YamlScalarNode("needs"), out var n)
                ? n is YamlSequenceNode list ? list.Children.Select(c => ((YamlScalarNode)c).Value!).ToList() : [((YamlScalarNode)n).Value!]
                : [];
            var local = new Dictionary<string, object?>(contexts);
            foreach (var need in needs)
            {
                local[$"needs.{need}.result"] = Runs(need) ? "success" : "skipped";
            }

            var condition = Text(definition, "if");
            // A job whose `if` names no status function also needs every job it needs to have succeeded.
            var implicitSuccess = condition is null || !StatusFunction().IsMatch(condition) || condition.Contains("success()", StringComparison.Ordinal);
            known = GitHubExpression.Holds(condition, local) && (!implicitSuccess || needs.All(Runs));
            results[id] = known;
            return known;
        }

        foreach (var job in workflow.Jobs.Where(j => Runs(j.Id)))
        {
            var definition = (YamlMappingNode)jobs[job.Id];
            foreach (var leg in Legs(job))
            {
                var local = new Dictionary<string, object?>(contexts);
                foreach (var (name, value) in leg?.Values ?? [])
                {
                    local[$"matrix.{name}"] = value.Kind switch
                    {
                        ScalarKind.Boolean => value.Text == "true",
                        ScalarKind.Number => double.Parse(value.Text, CultureInfo.InvariantCulture),
                        _ => value.Text,
                    };
                }

                var names = ConditionalSteps(job).Select(s => s.Name!).ToHashSet(StringComparer.Ordinal);
                result[LegKey(job, leg)] = [.. ((YamlSequenceNode)definition["steps"]).Children.Cast<YamlMappingNode>()
                    .Where(step => Text(step, "name") is { } name && names.Contains(name) && GitHubExpression.Holds(Text(step, "if"), local))
                    .Select(step => Text(step, "name")!)];
            }
        }

        return result;
    }

    private static Dictionary<string, List<string>> CircleCiRuns(string config, Workflow workflow, CircleCiPipeline pipeline)
    {
        var names = new Dictionary<string, (Job Job, MatrixLeg? Leg)>(StringComparer.Ordinal);
        foreach (var job in workflow.Jobs)
        {
            foreach (var leg in Legs(job))
            {
                var suffix = leg is null ? "" : $"_{leg.Suffix}";
                names[job.Id + suffix] = (job, leg);
                names[$"{workflow.Id}_{job.Id}{suffix}"] = (job, leg);
            }
        }

        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var entry in pipeline.RunningJobs(config, workflow.Id))
        {
            names.Should().ContainKey(entry, "every CircleCI job of the workflow is a job or leg of the config");
            var (job, leg) = names[entry];
            var commands = pipeline.RunCommands(config, entry);
            result[LegKey(job, leg)] = [.. ConditionalSteps(job)
                .Where(step => commands.Any(command => command.TrimEnd().EndsWith(Substitute(step.Run, leg).TrimEnd(), StringComparison.Ordinal)))
                .Select(step => step.Name!)];
        }

        return result;
    }

    /// <summary>The job's own run steps with a condition (each has a name in these configs).</summary>
    private static IEnumerable<RunStep> ConditionalSteps(Job job) =>
        job.Steps.OfType<RunStep>().Where(s => s.Condition is not null && s.Only.Count == 0);

    private static IReadOnlyList<MatrixLeg?> Legs(Job job) => job.MatrixLegs.Count == 0 ? [null] : [.. job.MatrixLegs];

    private static string LegKey(Job job, MatrixLeg? leg) => leg is null ? job.Id : $"{job.Id}_{leg.Suffix}";

    private static Job JobOf(Workflow workflow, string id) => workflow.Jobs.Single(j => j.Id == id);

    private static RunFacts FactsOf(Event run, MatrixLeg? leg) => leg is null ? run.Facts : run.Facts with { Matrix = leg.Values };

    /// <summary>A run script as CircleCI writes it for a leg: matrix values filled in, <c>${{ env.X }}</c> read as <c>${X}</c>.</summary>
    private static string Substitute(string script, MatrixLeg? leg)
    {
        var filled = leg is null ? script : MatrixReference().Replace(script, m => leg.Values.TryGetValue(m.Groups[1].Value, out var v) ? v.Text : "");
        return EnvReference().Replace(filled, m => $"${{{m.Groups[1].Value}}}");
    }

    private static TriggerFilters Filters(Trigger trigger) =>
        new(trigger.Event, trigger.Branches, trigger.BranchesIgnore, trigger.Tags, trigger.TagsIgnore, trigger.Types);

    private static YamlMappingNode Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string? Text(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar ? scalar.Value : null;

    [GeneratedRegex(@"\b(success|failure|always|cancelled)\(\)")]
    private static partial Regex StatusFunction();

    [GeneratedRegex(@"\$\{\{\s*matrix\.([A-Za-z0-9_-]+)\s*\}\}")]
    private static partial Regex MatrixReference();

    [GeneratedRegex(@"\$\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex EnvReference();
}
