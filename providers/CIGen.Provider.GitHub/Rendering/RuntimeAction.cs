using CIGen.Protocol;
using CIGen.Provider.GitHub.Model;
using RunStep = CIGen.Provider.GitHub.Model.RunStep;
using CIGen.Provider.Sdk.Runtime;
using CIGen.Provider.Sdk.Yaml;

namespace CIGen.Provider.GitHub.Rendering;

/// <summary>
/// The composite action <c>.github/actions/cigen</c> that runs cigen's runtime (<see cref="CigenRuntime"/>: job
/// hashes, cache-key values, skip markers in S3, Redis or GitHub's cache), written once beside the workflows whenever a job uses it,
/// so that no workflow carries the runtime's shell. A step calls it with <c>uses: ./.github/actions/cigen</c>, the
/// operation, its records and the markers' backend as inputs (the action hands them to the runtime through
/// <c>env</c>), and the backend's other variables in the step's own <c>env</c>; every <c>name=value</c> the runtime prints comes back as one JSON object,
/// the output <see cref="JsonOutput"/>, read with <see cref="Value"/>. The path is relative to the repository root,
/// where the action is looked for when the step runs, so the job must have checked the repository out first
/// (<see cref="RuntimeCheckout"/>).
/// </summary>
internal static class RuntimeAction
{
    /// <summary>The action's directory, relative to the output root (the repository root).</summary>
    public const string Directory = ".github/actions/cigen";

    /// <summary>What a step's <c>uses</c> says.</summary>
    public const string Uses = "./" + Directory;

    public const string ActionPath = Directory + "/action.yml";

    public const string ScriptPath = Directory + "/" + CigenRuntime.FileName;

    public const string JsonOutput = "json";

    public const string OperationInput = "operation";
    public const string SpecInput = "spec";
    public const string MarkerInput = "marker";
    public const string BackendInput = "backend";

    /// <summary>
    /// The backend the action runs with when a step names none: GitHub's own cache, the default (<c>native</c>) of every
    /// skippable job; a step on S3 or Redis names its backend.
    /// </summary>
    public const string DefaultBackend = "github";

    /// <summary>The composite step's id inside the action.</summary>
    private const string StepId = "cigen";

    /// <summary>A step of a job that runs <paramref name="operation"/> with the records <paramref name="spec"/>.</summary>
    /// <param name="backend">The runtime's name of the skip markers' backend; left out when it is <see cref="DefaultBackend"/>.</param>
    public static ActionStep Step(
        string? name,
        string? id,
        string operation,
        string? spec = null,
        string? marker = null,
        OrderedDictionary<string, Scalar>? env = null,
        string? condition = null,
        string? backend = null)
    {
        var with = new OrderedDictionary<string, Scalar> { [OperationInput] = operation };
        if (spec is not null)
        {
            with.Add(SpecInput, spec);
        }

        if (marker is not null)
        {
            with.Add(MarkerInput, marker);
        }

        if (backend is not null && backend != DefaultBackend)
        {
            with.Add(BackendInput, backend);
        }

        return new ActionStep { Name = name, Id = id, If = condition, Uses = Uses, With = with, Env = env ?? [] };
    }

    /// <summary>True for a step that calls the action (for <paramref name="operation"/>, when given).</summary>
    public static bool IsUse(JobStep step, string? operation = null) =>
        step is ActionStep { Uses: Uses } action && (operation is null || action.With[OperationInput].Text == operation);

    /// <summary>
    /// The value <paramref name="name"/> the action printed in step <paramref name="stepId"/>, without <c>${{ }}</c>.
    /// <paramref name="orEmpty"/>: an empty object when the step did not run (its output is empty, which
    /// <c>fromJSON</c> rejects), for places evaluated whether or not it ran, such as a job's outputs.
    /// </summary>
    public static string Value(string stepId, string name, bool orEmpty = false) =>
        $"fromJSON(steps.{stepId}.outputs.{JsonOutput}{(orEmpty ? " || '{}'" : string.Empty)}){Property(name)}";

    /// <summary><c>.name</c> for a name GitHub reads as a property name, else the index form <c>['name']</c>.</summary>
    public static string Property(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
            ? $".{name}"
            : $"['{name.Replace("'", "''", StringComparison.Ordinal)}']";

    /// <summary>The parts of the runtime the calls among <paramref name="steps"/> need, from their operations and records.</summary>
    public static RuntimeParts PartsOf(IEnumerable<JobStep> steps) =>
        steps.OfType<ActionStep>().Where(s => IsUse(s)).Aggregate(RuntimeParts.None, (parts, use) =>
            parts | RuntimePartsOf.Records(use.With[OperationInput].Text ?? string.Empty, use.With.TryGetValue(SpecInput, out var spec) ? spec.Text : null));

    /// <summary>The action's two files: <c>action.yml</c> and the runtime it runs.</summary>
    /// <param name="configSource">Named in the runtime's generated-file header, as the host names it in the YAML files' header.</param>
    /// <param name="parts">The parts of the runtime the workflows call; the rest is left out.</param>
    public static IReadOnlyList<OutputFile> Files(string configSource, RuntimeParts parts) =>
    [
        new(ActionPath, YamlWriter.Write(Document().ToYaml())),
        new(ScriptPath, Script(configSource, parts)),
    ];

    public static ActionDocument Document() => new()
    {
        Name = "cigen",
        Description = "Runs cigen's runtime for the generated workflows: job hashes, cache-key values and skip markers",
        Inputs =
        [
            new(OperationInput, "hash, keys, lookup or record", Required: true),
            new(SpecInput, "The operation's records, one per line", Required: false, Default: string.Empty),
            new(MarkerInput, "The skip marker lookup and record work on", Required: false, Default: string.Empty),
            new(BackendInput, "Where the skip markers are: s3, redis or github (GitHub's cache)", Required: false, Default: DefaultBackend),
        ],
        Outputs = [new(JsonOutput, "Every name=value the runtime printed, as one JSON object", $"${{{{ steps.{StepId}.outputs.{JsonOutput} }}}}")],
        Steps =
        [
            new RunStep
            {
                Id = StepId,
                // A job records the marker the plan named, which is empty when the plan named none (it did not run that
                // job's lookup): nothing to record then, and the job's step needs no condition of its own.
                If = $"inputs.{OperationInput} != '{CigenRuntime.Record}' || inputs.{MarkerInput} != ''",
                Shell = "bash",
                Env = new OrderedDictionary<string, Scalar>
                {
                    ["CIGEN_OPERATION"] = "${{ inputs.operation }}",
                    [CigenRuntime.SpecVariable] = "${{ inputs.spec }}",
                    [CigenRuntime.MarkerKeyVariable] = "${{ inputs.marker }}",
                    [CigenRuntime.BackendVariable] = "${{ inputs.backend }}",
                    [CigenRuntime.JsonVariable] = "1",
                    [CigenRuntime.AnnotateVariable] = "github",
                },
                Run = $"bash \"$GITHUB_ACTION_PATH/{CigenRuntime.FileName}\" \"$CIGEN_OPERATION\" | tee -a \"$GITHUB_OUTPUT\"\n",
            },
            new CacheStep
            {
                If = $"steps.{StepId}.outputs.{CigenRuntime.CacheMarkerOutput} != ''",
                Uses = CacheStep.SaveAction,
                Paths = [CigenRuntime.CacheMarkerFile],
                Key = $"${{{{ steps.{StepId}.outputs.{CigenRuntime.CacheMarkerOutput} }}}}",
                CrossOsArchive = true,
            },
        ],
    };

    /// <summary>
    /// The runtime as the action runs it (<c>bash FILE</c>, so it needs no shebang): cigen's generated-file header
    /// first, where the host looks for it before it deletes a file no longer generated, and shellcheck told the dialect.
    /// </summary>
    public static string Script(string configSource, RuntimeParts parts = RuntimeParts.All) =>
        CigenRuntime.AsFile(configSource, CigenRuntime.ScriptFor(parts));
}
