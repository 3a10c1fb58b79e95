using System.Text.Json;
using CIGen.Core.Config.Model;
using CIGen.Core.Config.Sources;
using CIGen.Core.Config.Yaml;
using CIGen.Protocol;
using CIGen.Provider.Sdk.Settings;

namespace CIGen.Core.Config.Binding;

/// <summary>One job: every key of the contract's job table, shape-checked; references stay names for resolution.</summary>
internal static class JobBinder
{
    public const string Approval = "approval";

    private static readonly KeySet Keys = new(
        "a mapping of job settings (steps, requires, image, ...)",
        [
            "name", "image", "runner", "runs_on", "resource_class", "architectures", "matrix", "requires", "needs",
            "requires_any", "if", "env", "environment", "services", "packages", "cache", "source_files", "skip",
            "skip_on_tags", "checkout", "timeout", "type", "steps", "github",
        ],
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["timeout-minutes"] = "use `timeout` (minutes)",
            ["timeout_minutes"] = "use `timeout` (minutes)",
            ["container"] = "use `image` for the container the steps run in",
            ["depends_on"] = "use `requires` (alias `needs`)",
            ["strategy"] = "use `matrix` (and `architectures`) for job variants",
            ["permissions"] = "GitHub-only job settings go under `github:`, e.g. `github: {permissions: {contents: read}}`",
            ["outputs"] = "GitHub-only job settings go under `github:`, e.g. `github: {outputs: {version: ...}}`",
            ["concurrency"] = "GitHub-only job settings go under `github:`, e.g. `github: {concurrency: deploy}`",
            ["continue_on_error"] = "GitHub-only job settings go under `github:`, e.g. `github: {continue_on_error: true}`",
            ["continue-on-error"] = "GitHub-only job settings go under `github:`, e.g. `github: {continue_on_error: true}`",
        });

    public static JobModel? Bind(JobSource source, string workflowId, NodeReader workflowReader)
    {
        var reader = workflowReader.In(workflowId, source.Id);
        var what = $"job `{source.Id}`";
        if (!Names.IsId(source.Id))
        {
            reader.Error(DiagnosticCodes.InvalidName, source.Location, $"`{source.Id}` is not a valid job id; use {Names.IdRule}");
        }

        var job = reader.Map(source.Body, what, Keys);
        job.Exclusive("runner", "runs_on", "`runner` names a profile from `runners`, `runs_on` gives labels directly");
        job.Exclusive("runner", "resource_class", "`runner` names a profile from `runners`, `resource_class` sets the class directly");
        var type = job.String("type");
        if (type is not null && type != Approval)
        {
            reader.Error(DiagnosticCodes.InvalidValue, job.Get("type")!, $"unknown job type `{type}`; the only type is `approval` (a manual gate), leave it out for an ordinary job");
        }

        var steps = StepBinder.BindAll(job.Get("steps"), what, reader);
        CheckSteps(source, job, type, steps.Count, reader);
        return new JobModel
        {
            Id = source.Id,
            Source = source.Location,
            File = source.File,
            Name = job.String("name"),
            Needs = job.EitherEntry("requires", "needs") is { } needs ? reader.Strings(needs.Value, job.Label(needs.Name), allowSingle: true) : [],
            RequiresAny = job.Strings("requires_any", allowSingle: true) ?? [],
            If = job.String("if"),
            Condition = ConditionBinder.Bind(job, what),
            Image = job.String("image"),
            RunnerProfile = job.Located("runner"),
            RunsOn = job.PlainStrings("runs_on", allowSingle: true),
            ResourceClass = job.String("resource_class"),
            Architectures = job.Get("architectures") is { } archs ? Architectures.Bind(archs, job.Label("architectures"), reader) : null,
            Matrix = job.Get("matrix") is { } matrix ? MatrixBinder.Bind(matrix, job.Label("matrix"), reader) : MatrixModel.None,
            Env = reader.Env(job),
            Services = job.Get("services") is { } services ? ServiceBinder.BindUses(services, job.Label("services"), reader) : [],
            Packages = job.Get("packages") is { } packages ? PackageBinder.Bind(packages, job.Label("packages"), reader) : null,
            Cache = job.Strings("cache", allowSingle: true),
            SourceFiles = job.Strings("source_files", allowSingle: true) ?? [],
            Skip = job.Bool("skip") ?? true,
            SkipOnTags = job.Bool("skip_on_tags"),
            Checkout = job.Bool("checkout") ?? true,
            TimeoutMinutes = job.PositiveInt("timeout"),
            Type = type == Approval ? Approval : null,
            ProviderBlocks = job.Get("github") is { } github && GitHubJobBinder.Bind(github, job.Label("github"), reader) is { } settings
                ? new Dictionary<string, JsonElement> { [ProviderNames.GitHub] = FirstPartySettings.ToJson(settings) }
                : new Dictionary<string, JsonElement>(),
            Steps = steps,
        };
    }

    private static void CheckSteps(JobSource source, MapReader job, string? type, int count, NodeReader reader)
    {
        if (reader.Diagnostics.IsMalformed(source.File) || job.WrongShape)
        {
            return;
        }

        var at = job.Entry("steps")?.Key.Location ?? source.Location;
        if (type == Approval && count > 0)
        {
            reader.Error(DiagnosticCodes.InvalidValue, at, $"job `{source.Id}` is an approval gate and runs no steps; remove `steps` or `type: approval`");
        }
        else if (type != Approval && count == 0 && job.Get("steps") is null or ScalarNode { IsNull: true } or SequenceNode { Items.Count: 0 })
        {
            reader.Error(DiagnosticCodes.JobWithoutSteps, at,
                $"job `{source.Id}` has no steps; add `steps:` with at least one step, or `type: approval` for a manual gate");
        }
    }
}
