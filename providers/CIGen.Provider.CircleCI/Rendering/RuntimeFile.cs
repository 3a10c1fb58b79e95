using CIGen.Provider.CircleCI.Model;
using CIGen.Provider.Sdk.Runtime;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>
/// Where the command <see cref="RuntimeCommand.Name"/> finds cigen's runtime. As on GitHub (the runtime beside the
/// composite action), the runtime is a file of the output, <see cref="CigenRuntime.FileName"/> beside the config, which
/// the command runs from the job's checkout: the config a maintainer reviews carries a one-line call instead of ~300
/// lines of shell. CircleCI has no way to fetch one file of the repository without checking it out, so when some job
/// uses the runtime before any checkout (a <c>checkout: false</c> job with automatic caches), the file could not be
/// there: the command then carries the runtime in its own run step, as a config of one file.
/// </summary>
internal static class RuntimeFile
{
    /// <summary>The runtime's path beside <paramref name="configPath"/>, relative to the output root: the checkout's root.</summary>
    public static string PathBeside(string configPath)
    {
        var slash = configPath.LastIndexOf('/');
        return slash < 0 ? CigenRuntime.FileName : $"{configPath[..(slash + 1)]}{CigenRuntime.FileName}";
    }

    /// <summary>
    /// True when every job checks out before its first use of the runtime — a use of <see cref="RuntimeCommand.Name"/>
    /// or of a command that holds one — so the file is in the working directory whenever the runtime runs.
    /// </summary>
    /// <param name="commands">Every command the jobs may use, by name: the user's written commands and cigen's.</param>
    public static bool ReachedByEveryJob(IEnumerable<JobDefinition> jobs, IReadOnlyDictionary<string, CommandDefinition> commands) =>
        jobs.All(job => First(job.Steps, commands) is not Use.Runtime);

    /// <summary>
    /// The file's text: the generated-file header on its first line (what tells cigen's files from the user's, and a stale
    /// one for deletion, docs/protocol.md §7), strict mode for the lines that use the runtime, then the runtime and its use.
    /// The command runs it with <c>bash</c>, so it needs no shebang.
    /// </summary>
    /// <param name="configSource">Named in the header, as the host names it in the YAML files' header.</param>
    public static string Content(string configSource, RuntimeParts parts) =>
        CigenRuntime.AsFile(configSource, $"set -euo pipefail\n\n{RuntimeCommand.Script(parts)}");

    private enum Use
    {
        Neither,
        Checkout,
        Runtime,
    }

    /// <summary>Which comes first in <paramref name="steps"/>: a checkout or a use of the runtime.</summary>
    private static Use First(IEnumerable<ConfigStep> steps, IReadOnlyDictionary<string, CommandDefinition> commands, int depth = 0)
    {
        foreach (var step in steps)
        {
            var use = step switch
            {
                CheckoutStep => Use.Checkout,
                CommandInvocation { Command: RuntimeCommand.Name } => Use.Runtime,
                // Command definitions cannot recurse (the host rejects cycles); the bound only guards against a broken graph.
                CommandInvocation invocation when depth < 64 && commands.TryGetValue(invocation.Command, out var command) =>
                    First(command.Steps, commands, depth + 1),
                ConditionalSteps conditional => First(conditional.Steps, commands, depth + 1) is Use.Runtime ? Use.Runtime : Use.Neither,
                _ => Use.Neither,
            };

            if (use != Use.Neither)
            {
                return use;
            }
        }

        return Use.Neither;
    }
}
