using YamlDotNet.RepresentationModel;
using static CIGen.Testing.Validation.CircleCi.YamlMaps;

namespace CIGen.Testing.Validation.CircleCi;

/// <summary>
/// Steps that are not built in are command invocations: the command must be defined under <c>commands:</c> or come
/// from a declared orb, and get the arguments it declares. Checked through <c>when</c>/<c>unless</c> and through
/// arguments of type <c>steps</c>.
/// </summary>
internal static class CircleCiSteps
{
    /// <summary>CircleCI's built-in steps (configuration reference, "steps"); every other step name is a command.</summary>
    public static readonly IReadOnlySet<string> BuiltIn = new HashSet<string>(StringComparer.Ordinal)
    {
        "run", "checkout", "setup_remote_docker", "save_cache", "restore_cache", "store_artifacts", "store_test_results",
        "persist_to_workspace", "attach_workspace", "add_ssh_keys", "when", "unless", "deploy",
    };

    /// <param name="context">What holds the steps, as findings name it, e.g. <c>job 'build'</c>.</param>
    public static void Check(CircleCiConfig config, YamlNode? steps, string context)
    {
        if (steps is not YamlSequenceNode list)
        {
            return; // A missing or malformed steps list is the schema's finding.
        }

        var index = 0;
        foreach (var step in list.Children)
        {
            index++;
            var where = $"{context}, step {index}";
            switch (step)
            {
                case YamlScalarNode { Value: { } name }:
                    // `- << parameters.steps >>` splices a steps argument in; its steps are checked where it is given.
                    if (!name.TrimStart().StartsWith("<<", StringComparison.Ordinal) && !BuiltIn.Contains(name))
                    {
                        Invoke(config, name, [], step, where);
                    }

                    break;
                case YamlMappingNode:
                    var entries = Entries(step);
                    if (entries.Count != 1)
                    {
                        config.Report(step, $"{where}: a step is a map with one key (the step or command name), found {entries.Count}: {string.Join(", ", entries.Select(e => e.Key))}");
                        break;
                    }

                    var (key, keyNode, value) = entries[0];
                    if (key is "when" or "unless")
                    {
                        Check(config, Get(value, "steps"), $"{where} ({key})");
                    }
                    else if (!BuiltIn.Contains(key))
                    {
                        if (!IsNull(value) && value is not YamlMappingNode)
                        {
                            config.Report(value, $"{where}: the arguments of '{key}' must be a map of parameter names to values");
                            break;
                        }

                        Invoke(config, key, Entries(value), keyNode, where);
                    }

                    break;
            }
        }
    }

    private static void Invoke(CircleCiConfig config, string name, IReadOnlyList<YamlEntry> arguments, YamlNode at, string where)
    {
        var command = config.Resolve(name, "commands", at, where, "nor a built-in step");
        if (command is null)
        {
            return;
        }

        foreach (var steps in CircleCiArguments.Check(config, command, $"command '{name}'", arguments, [], at, where))
        {
            Check(config, steps.Value, $"{where}, argument '{steps.Key}'");
        }
    }
}
