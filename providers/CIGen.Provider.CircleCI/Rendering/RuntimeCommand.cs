using CIGen.Provider.CircleCI.Model;
using CIGen.Provider.Sdk.Rendering;
using CIGen.Provider.Sdk.Runtime;
using CIGen.Provider.Sdk.Yaml;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>
/// cigen's runtime (docs/protocol.md, "Runtime") on CircleCI: the command <see cref="Name"/>, written once into the
/// config's <c>commands:</c> when a job uses it. Its one run step runs the runtime's file beside the config
/// (<see cref="RuntimeFile"/>; when a job uses it before any checkout, the step holds that file's text itself): the
/// runtime as a function, then Scripts/runtime-step.sh, with the use's operation and records, which reach it through
/// <c>environment:</c> like every other value — no use passes shell. Each <c>name=value</c> line the runtime prints becomes a file of that name
/// (<see cref="KeyValuesDirectory"/> for <c>keys</c>, <see cref="SkipDirectory"/> otherwise): CircleCI's cache keys
/// cannot read a value a step computed, only checksum a file, and later steps read the files.
/// </summary>
internal static partial class RuntimeCommand
{
    public const string Name = "cigen_runtime";

    /// <summary>Where <c>keys</c> puts its values, one file per name; outside the checkout, so never committed or cached.</summary>
    public const string KeyValuesDirectory = "/tmp/cigen/key-values";

    /// <summary>Where <c>hash</c> puts job hashes and marker names, and where the lookups leave what they found.</summary>
    public const string SkipDirectory = "/tmp/cigen/skip";

    public const string StepNameParameter = "name";
    public const string OperationParameter = "operation";
    public const string SpecParameter = "spec";
    public const string BackendParameter = "backend";
    public const string BackendEnvParameter = "backend_env";
    public const string MarkerParameter = "marker";

    private static readonly EmbeddedScript Glue = new(typeof(RuntimeCommand).Assembly, "CIGen.Provider.CircleCI.Scripts.runtime-step.sh");

    /// <summary>The run step's script: the runtime as the function <c>cigen_runtime</c>, then what the step does with it.</summary>
    /// <remarks>shellcheck reads the functions the runtime calls by name (each operation's record handler) as
    /// unreachable inside a function; the runtime's own file is checked with that check on. Its file-wide SC2034 directive
    /// does not reach into a function, so it is repeated here.</remarks>
    /// <param name="parts">The parts of the runtime the config's jobs call; the rest is left out.</param>
    public static string Script(RuntimeParts parts) =>
        $"# shellcheck disable=SC2317,SC2034 # the runtime calls its record handlers by name; a copy may leave out the part that reads a variable\ncigen_runtime() (\n{CigenRuntime.WithoutShebang(CigenRuntime.ScriptFor(parts)).TrimEnd('\n')}\n)\n{Glue.Code}";


    /// <summary>The file holding the value <paramref name="name"/> of the job's <c>keys</c> step.</summary>
    public static string KeyValueFile(string name) => $"{KeyValuesDirectory}/{name}";

    /// <summary>Names become file names: nothing but letters, digits and <c>_</c>.</summary>
    public static bool IsValueName(string? name) => name is not null && ValueName().IsMatch(name);

    /// <summary>A use: the step's name, the operation, its records (none: <c>record</c>) and the other arguments.</summary>
    public static CommandInvocation Use(string stepName, string operation, string? spec, params (string Name, string Value)[] arguments) =>
        new(Name,
        [
            (StepNameParameter, YamlScalar.String(stepName)),
            (OperationParameter, YamlScalar.String(operation)),
            .. spec is null ? [] : new[] { (SpecParameter, YamlScalar.String(spec)) },
            .. arguments.Select(a => (a.Name, YamlScalar.String(a.Value))),
        ]);

    /// <summary>
    /// The definition for <paramref name="uses"/>, every use of the command in the config: the parameters they pass, and
    /// only those. The marker backend's settings are the same for every use of one backend, so the most common ones
    /// become <see cref="BackendEnvParameter"/>'s default, and the uses that pass exactly them pass nothing
    /// (<see cref="WithoutDefaults"/>).
    /// </summary>
    /// <param name="runtimeFile">
    /// The runtime's file (<see cref="RuntimeFile"/>), relative to the checkout's root, which the command runs; null when
    /// the command carries the runtime itself.
    /// </param>
    public static CommandDefinition Command(IReadOnlyList<CommandInvocation> uses, RuntimeParts parts, string? runtimeFile = null)
    {
        var passed = uses.SelectMany(u => u.Arguments.Select(a => a.Name)).ToHashSet(StringComparer.Ordinal);
        parts = PartsFor(uses, parts);
        var parameters = new List<CommandParameter>
        {
            new() { Name = StepNameParameter, Type = "string", Description = "The step's name." },
            new()
            {
                Name = OperationParameter,
                Type = "enum",
                Enum = [CigenRuntime.Hash, CigenRuntime.Keys, CigenRuntime.Lookup, CigenRuntime.Record],
                Description = "Job hashes and marker names, cache-key values, or a marker's lookup or record.",
            },
            new() { Name = SpecParameter, Type = "string", Default = "", Description = "The operation's records, one per line." },
        };
        var environment = new OrderedDictionary<string, CIGen.Protocol.Scalar>(StringComparer.Ordinal)
        {
            ["CIGEN_OPERATION"] = Reference(OperationParameter),
            [CigenRuntime.SpecVariable] = Reference(SpecParameter),
        };
        if (passed.Contains(BackendParameter))
        {
            parameters.Add(new()
            {
                Name = BackendParameter,
                Type = "string",
                Default = "",
                Description = "s3 or redis: where the skip markers are; empty for CircleCI's cache, which the job's steps use.",
            });
            environment[CigenRuntime.BackendVariable] = Reference(BackendParameter);
        }

        if (DefaultBackendEnv(uses) is { } backendEnv)
        {
            parameters.Add(new()
            {
                Name = BackendEnvParameter,
                Type = "string",
                Default = backendEnv,
                Description = "The marker backend's settings, NAME=VALUE per line; VALUE ${OTHER} reads the project or context variable OTHER.",
            });
            environment["CIGEN_BACKEND_ENV"] = Reference(BackendEnvParameter);
        }

        if (passed.Contains(MarkerParameter))
        {
            parameters.Add(new()
            {
                Name = MarkerParameter,
                Type = "string",
                Default = "",
                Description = $"For lookup and record: the file under {SkipDirectory} that holds the marker's name.",
            });
            environment["CIGEN_MARKER"] = Reference(MarkerParameter);
        }

        return new CommandDefinition
        {
            Name = Name,
            Description = "cigen's runtime: job hashes, cache-key values, skip markers in S3 or Redis. Keeps each value it prints in a file.",
            Parameters = parameters,
            Steps =
            [
                new RunStep
                {
                    Name = $"<< parameters.{StepNameParameter} >>",
                    Environment = environment,
                    Command = runtimeFile is null ? Script(parts) : $"bash {ShellWords.Quote(runtimeFile)}",
                },
            ],
        };
    }

    /// <summary>
    /// The parts of the runtime <paramref name="uses"/> need: <paramref name="parts"/>, the graph's, for the records
    /// they pass through a parameter, and those of the records each use writes itself.
    /// </summary>
    public static RuntimeParts PartsFor(IReadOnlyList<CommandInvocation> uses, RuntimeParts parts) =>
        uses.Aggregate(parts, (all, use) => all | RuntimePartsOf.Records(
            use.Arguments.FirstOrDefault(a => a.Name == OperationParameter).Value?.Text ?? string.Empty,
            use.Arguments.FirstOrDefault(a => a.Name == SpecParameter).Value?.Text));

    /// <summary>The uses without the argument <see cref="Command"/> made the default.</summary>
    public static IReadOnlyList<ConfigStep> WithoutDefaults(IReadOnlyList<ConfigStep> steps, IReadOnlyList<CommandInvocation> uses)
    {
        if (DefaultBackendEnv(uses) is not { } backendEnv)
        {
            return steps;
        }

        return [.. steps.Select(step => step switch
        {
            CommandInvocation { Command: Name } use => use with
            {
                Arguments = [.. use.Arguments.Where(a => !(a.Name == BackendEnvParameter && a.Value.Text == backendEnv))],
            },
            ConditionalSteps conditional => conditional with { Steps = WithoutDefaults(conditional.Steps, uses) },
            _ => step,
        })];
    }

    /// <summary>Every use of the command in <paramref name="steps"/>, <c>when</c> steps included.</summary>
    public static IEnumerable<CommandInvocation> UsesIn(IEnumerable<ConfigStep> steps) =>
        steps.SelectMany(step => step switch
        {
            CommandInvocation { Command: Name } use => [use],
            ConditionalSteps conditional => UsesIn(conditional.Steps),
            _ => Enumerable.Empty<CommandInvocation>(),
        });

    /// <summary>The backend settings most uses pass (the first of equals), or null when none passes any.</summary>
    private static string? DefaultBackendEnv(IReadOnlyList<CommandInvocation> uses) =>
        uses.SelectMany(u => u.Arguments.Where(a => a.Name == BackendEnvParameter).Select(a => a.Value.Text))
            .GroupBy(text => text, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .Select(g => g.Key)
            .FirstOrDefault();

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9_]+$")]
    private static partial System.Text.RegularExpressions.Regex ValueName();

    private static CIGen.Protocol.Scalar Reference(string parameter) => CIGen.Protocol.Scalar.String($"<< parameters.{parameter} >>");
}
