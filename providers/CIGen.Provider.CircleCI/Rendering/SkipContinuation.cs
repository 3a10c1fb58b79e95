using System.Text;
using CIGen.Protocol;
using CIGen.Provider.CircleCI.Model;
using CheckoutStep = CIGen.Provider.CircleCI.Model.CheckoutStep;
using RunStep = CIGen.Provider.CircleCI.Model.RunStep;
using CIGen.Provider.Sdk.Runtime;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>A job that can be skipped, by the name it has in the config (its workflow is the target's).</summary>
internal sealed record SkippableJob(string Name, SkipTarget Target);

/// <summary>
/// <c>circleci: {dynamic: true}</c>: <c>.circleci/config.yml</c> is a setup config whose one small job hashes every
/// skippable job, looks up each marker and continues the pipeline (CircleCI's continuation API) with
/// <c>.circleci/continue.json</c> — the whole pipeline, each skippable job hashing and recording but never halting —
/// less the unchanged jobs. <c>jq</c> removes them and makes each job that required one require what that job
/// required instead (transitively), so the dependents still run. Nothing in the setup job needs .NET: bash, coreutils,
/// find, grep, jq and curl, all on <c>cimg/base</c>; the runtime's S3 and Redis lookups install their CLIs when missing.
/// </summary>
internal static class SkipContinuation
{
    public const string FileName = "continue.json";
    public const string JobName = "cigen_setup";
    public const string Image = "cimg/base:current";
    public const string ResourceClass = "small";
    public const string ContinueStepName = "Continue the pipeline without the unchanged jobs";
    public const string Endpoint = "https://circleci.com/api/v2/pipeline/continue";

    /// <summary>
    /// jq over the continued config with <c>$skip</c>, the unchanged jobs as <c>&lt;workflow&gt;/&lt;job&gt;</c> (ids never
    /// contain <c>/</c>): drops each from its own workflow only, rewrites <c>requires</c> there through it (order kept,
    /// each name once), drops a workflow left without jobs, and deletes a job's definition only when no workflow still
    /// runs it (one definition may serve several workflows).
    /// </summary>
    public const string Filter =
        """
        def name: if type == "string" then . else keys_unsorted[0] end;
        def requires: if type == "string" then [] else (.[keys_unsorted[0]].requires // []) end;
        def once: reduce .[] as $x ([]; if any(.[]; . == $x) then . else . + [$x] end);
        ($skip | map({key: ., value: true}) | from_entries) as $skipped
        | ($skip | map({key: sub("^[^/]*/"; ""), value: true}) | from_entries) as $dropped
        | .workflows |= with_entries(
            .key as $workflow
            | (.value.jobs | map({key: name, value: requires}) | from_entries) as $requires
            | def skipped: $skipped[$workflow + "/" + .] // false;
              def through: if skipped then ($requires[.] // [] | map(through) | add // []) else [.] end;
            .value.jobs |= map(
                select(name | skipped | not)
                | if type == "string" then . else
                    keys_unsorted[0] as $n
                    | .[$n] |= (if has("requires") then .requires |= (map(through) | add // [] | once) else . end
                        | if .requires == [] then del(.requires) else . end)
                    | if .[$n] == {} then $n else . end
                  end)
            | select(.value.jobs | length > 0))
        | ([.workflows[].jobs[] | name] | map({key: ., value: true}) | from_entries) as $used
        | .jobs |= with_entries(select(($dropped[.key] | not) or $used[.key]))
        """;

    /// <summary>
    /// What the continuation orb's <c>finish</c> sends when nothing is left to run: a config without workflows, which
    /// ends the pipeline (an unused continuation key would leave it waiting in setup).
    /// </summary>
    public const string Finish = "{version: 2, jobs: {}, workflows: {version: 2}}";

    /// <summary>Beside the config, wherever <c>output_path</c> puts it.</summary>
    public static string PathBeside(string configPath) =>
        configPath.LastIndexOf('/') is var slash and >= 0 ? $"{configPath[..(slash + 1)]}{FileName}" : FileName;

    /// <summary>The setup job only hashes, and asks the S3 or Redis backends its jobs use.</summary>
    private static RuntimeParts SetupParts(IReadOnlyList<SkippableJob> skippable) =>
        skippable.Aggregate(RuntimeParts.Hash, (all, s) => all | RuntimePartsOf.Skipping(s.Target.Skipping));

    public static ConfigDocument Setup(ConfigDocument continued, IReadOnlyList<SkippableJob> skippable, string continuationPath, Scope scope)
    {
        // Here each job is named by its CircleCI name, unique across workflows; jobs with the same inputs (a matrix job's
        // legs) share one record of the hash, so their files are hashed once.
        var records = new Dictionary<string, string>(StringComparer.Ordinal);
        var targets = skippable.Select(s =>
        {
            var target = s.Target with { Job = s.Name };
            var inputs = new RuntimeSpec().Job("", target.Skipping).ToString();
            return (Record: records.TryAdd(inputs, s.Name) ? s.Name : records[inputs], Target: target);
        }).ToList();
        var steps = new List<ConfigStep> { new CheckoutStep() };
        foreach (var backend in targets.GroupBy(t => t.Target.Skipping.Backend.Name, StringComparer.Ordinal))
        {
            steps.Add(SkipSteps.Hash([.. backend], lookUp: true, scope));
        }

        steps.AddRange(targets.Where(t => t.Target.IsNative).Select(t => SkipSteps.Restore(t.Target, $"{SkipSteps.LookupStepName} of {t.Target.Job}")));
        steps.Add(Continue(continued, targets, continuationPath));
        var uses = RuntimeCommand.UsesIn(steps).ToList();
        // The pipeline's tag pushes reach the continued config only through the setup workflow.
        var tags = continued.Workflows.Any(w => w.Jobs.Any(j => j.Filters?.Tags is not null));
        return new ConfigDocument
        {
            Setup = true,
            Parameters = continued.Parameters,
            Commands = uses.Count > 0 ? [RuntimeCommand.Command(uses, SetupParts(skippable))] : [],
            Jobs = [new JobDefinition { Name = JobName, Image = Image, ResourceClass = ResourceClass, Steps = RuntimeCommand.WithoutDefaults(steps, uses) }],
            Workflows =
            [
                new WorkflowDefinition
                {
                    Name = JobName,
                    Jobs = [new WorkflowEntry { Name = JobName, Filters = tags ? new JobFilters { Tags = new RefFilter { Only = ["/.*/"] } } : null }],
                },
            ],
        };
    }

    /// <summary>
    /// Lists the jobs whose lookup found their marker on a run that may skip them, filters the continued config and posts
    /// it with the pipeline's parameters (the setup config declares the same ones, so a trigger's values pass through).
    /// </summary>
    private static Model.RunStep Continue(ConfigDocument continued, IReadOnlyList<(string Record, SkipTarget Target)> targets, string continuationPath)
    {
        var environment = new OrderedDictionary<string, Scalar>(StringComparer.Ordinal)
        {
            ["CIGEN_SKIPPABLE"] = Scalar.String(string.Concat(targets.Select(t => $"{t.Target.Workflow} {t.Target.Job} {t.Record}\n"))),
            ["CIGEN_CONTINUATION"] = Scalar.String(continuationPath),
            ["CIGEN_PIPELINE_PARAMETERS"] = Scalar.String(
                "{" + string.Join(", ", continued.Parameters.Select(p => $"\"{p.Name}\": << pipeline.parameters.{p.Name} >>")) + "}"),
        };
        var script = new StringBuilder()
            .Append("skipped=()\n")
            .Append("while read -r workflow job record; do\n")
            .Append("  if [ -n \"$job\" ] && [ \"$(cat \"").Append(RuntimeCommand.SkipDirectory).Append("/${job}_marker_found\" 2>/dev/null)\" = true ] \\\n")
            .Append("    && [ \"$(cat \"").Append(RuntimeCommand.SkipDirectory).Append("/${record}_lookup\")\" = true ]; then\n")
            .Append("    echo \"cigen: $job of workflow $workflow is unchanged since it last succeeded: it does not run there\"\n")
            .Append("    skipped+=(\"$workflow/$job\")\n")
            .Append("  fi\n")
            .Append("done < <(printf '%s\\n' \"$CIGEN_SKIPPABLE\")\n")
            .Append("skip=$(printf '%s\\n' \"${skipped[@]}\" | jq -Rsc 'split(\"\\n\") | map(select(length > 0))')\n")
            .Append("mkdir -p /tmp/cigen\n")
            .Append("jq --argjson skip \"$skip\" '\n").Append(Filter.TrimEnd('\n')).Append("\n' \"$CIGEN_CONTINUATION\" > /tmp/cigen/continue.json\n")
            .Append("parameters=$CIGEN_PIPELINE_PARAMETERS\n")
            .Append("if [ \"$(jq '.workflows | length' /tmp/cigen/continue.json)\" = 0 ]; then\n")
            .Append("  echo \"cigen: every job is unchanged since it last succeeded: the pipeline ends here\"\n")
            .Append("  printf '%s\\n' '").Append(Finish).Append("' > /tmp/cigen/continue.json\n")
            .Append("  parameters='{}'\n")
            .Append("fi\n")
            .Append("jq -n --arg key \"$CIRCLE_CONTINUATION_KEY\" --rawfile configuration /tmp/cigen/continue.json --argjson parameters \"$parameters\" \\\n")
            .Append("  '{\"continuation-key\": $key, configuration: $configuration, parameters: $parameters}' > /tmp/cigen/continue-body.json\n")
            .Append("curl --fail-with-body --silent --show-error --retry 3 -X POST -H 'Content-Type: application/json' \\\n")
            .Append("  --data @/tmp/cigen/continue-body.json ").Append(Endpoint).Append('\n');
        return new RunStep { Name = ContinueStepName, Environment = environment, Command = script.ToString() };
    }
}
