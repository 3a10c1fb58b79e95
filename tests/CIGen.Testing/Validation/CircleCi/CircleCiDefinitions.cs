using YamlDotNet.RepresentationModel;
using static CIGen.Testing.Validation.CircleCi.YamlMaps;

namespace CIGen.Testing.Validation.CircleCi;

/// <summary>
/// The jobs and commands of a config: each build job runs on exactly one executor kind, executors it names exist and
/// get their parameters, and the steps of jobs and commands (and the step lists parameters default to) are valid.
/// </summary>
internal static class CircleCiDefinitions
{
    private static readonly string[] ExecutorKinds = ["docker", "machine", "macos", "executor"];

    public static void Check(CircleCiConfig config)
    {
        foreach (var (name, keyNode, job) in config.Jobs)
        {
            var context = $"job '{name}'";
            // Approval, no-op, release and lock jobs run nothing, so they have no executor.
            if (Text(Get(job, "type")) is null or "build")
            {
                CheckExecutor(config, job, keyNode, context);
            }

            CheckStepDefaults(config, job, context);
            CircleCiSteps.Check(config, Get(job, "steps"), context);
        }

        foreach (var (name, _, command) in config.Commands)
        {
            var context = $"command '{name}'";
            CheckStepDefaults(config, command, context);
            CircleCiSteps.Check(config, Get(command, "steps"), context);
        }
    }

    private static void CheckExecutor(CircleCiConfig config, YamlNode job, YamlNode keyNode, string context)
    {
        if (job is not YamlMappingNode)
        {
            return;
        }

        var kinds = ExecutorKinds.Where(k => Has(job, k)).ToList();
        if (kinds.Count == 0)
        {
            config.Report(keyNode, $"{context} has no executor: give it one of docker, machine, macos or executor");
        }
        else if (kinds.Count > 1)
        {
            config.Report(keyNode, $"{context} has more than one executor kind ({string.Join(", ", kinds)}): keep one");
        }

        var executor = Get(job, "executor");
        var reference = Text(executor) ?? Text(Get(executor, "name"));
        // `executor: << parameters.e >>` is a parameter of type executor, given where the job is used.
        if (executor is null || reference is null || reference.TrimStart().StartsWith("<<", StringComparison.Ordinal))
        {
            return;
        }

        var definition = config.Resolve(reference, "executors", executor, context);
        if (definition is not null)
        {
            var arguments = Entries(executor).Where(e => e.Key != "name").ToList();
            CircleCiArguments.Check(config, definition, $"executor '{reference}'", arguments, [], executor, context);
        }
    }

    /// <summary>A <c>steps</c> parameter's default is a step list like any other.</summary>
    private static void CheckStepDefaults(CircleCiConfig config, YamlNode definition, string context)
    {
        foreach (var (name, _, parameter) in Entries(Get(definition, "parameters")))
        {
            if (Text(Get(parameter, "type")) == "steps")
            {
                CircleCiSteps.Check(config, Get(parameter, "default"), $"{context}, default of parameter '{name}'");
            }
        }
    }
}
