using System.Text.Json.Nodes;
using CIGen.Provider.GitHub.Rendering;
using CIGen.Testing;
using CIGen.Testing.Meaning;
using YamlDotNet.RepresentationModel;
using static CIGen.Provider.GitHub.Tests.Fixtures.WorkflowReadBack;

namespace CIGen.Provider.GitHub.Tests.Fixtures;

/// <summary>
/// Runs a step that calls the runtime action (<c>uses: ./.github/actions/cigen</c>) the way GitHub does: the step's
/// <c>with</c> and <c>env</c> evaluated in a context, the action's own step (read back from the generated
/// <c>action.yml</c>) with its env, and the generated runtime file, in bash with <c>-eo pipefail</c>.
/// </summary>
internal static class RuntimeActionRun
{
    public sealed record Result(int ExitCode, IReadOnlyDictionary<string, string> Outputs, string Log, string Errors)
    {
        /// <summary>The action's output <c>json</c>, as GitHub's <c>fromJSON</c> reads it.</summary>
        public string Json => Outputs.GetValueOrDefault(RuntimeAction.JsonOutput, "");

        public IReadOnlyDictionary<string, string> Values =>
            Json.Length == 0 ? new Dictionary<string, string>()
            : JsonNode.Parse(Json)!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
    }

    /// <param name="pathPrefix">Put before PATH, e.g. a directory of fake tools.</param>
    /// <param name="path">Replaces PATH, e.g. to leave tools out.</param>
    public static Result Run(
        YamlMappingNode step,
        IReadOnlyDictionary<string, object?> context,
        string directory,
        string? path = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        Text(step, "uses").Should().Be(RuntimeAction.Uses);
        var inputs = Pairs(Mapping(step, "with")).ToDictionary(p => p.Key, p => GitHubExpression.Interpolate(p.Value, context));
        var env = Pairs(Mapping(step, "env")).ToDictionary(p => p.Key, p => GitHubExpression.Interpolate(p.Value, context));
        var action = RuntimeAction.Document();
        var actionStep = action.Steps.OfType<CIGen.Provider.GitHub.Model.RunStep>().Single();
        var inputsContext = new Dictionary<string, object?>();
        foreach (var input in action.Inputs)
        {
            inputsContext[$"inputs.{input.Id}"] = inputs.GetValueOrDefault(input.Id, input.Default ?? "");
        }

        foreach (var (key, value) in actionStep.Env)
        {
            env[key] = GitHubExpression.Interpolate(value.Text, inputsContext);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }

        var work = Directory.CreateTempSubdirectory("cigen-action-");
        try
        {
            File.WriteAllText(Path.Combine(work.FullName, CIGen.Provider.Sdk.Runtime.CigenRuntime.FileName), RuntimeAction.Script(".cigen"));
            var output = Path.Combine(work.FullName, "output");
            File.WriteAllText(output, "");
            env["GITHUB_ACTION_PATH"] = work.FullName;
            env["GITHUB_OUTPUT"] = output;
            var exports = string.Concat(env.Select(e => $"export {e.Key}={Quote(e.Value)}\n"));
            var pathLine = path is null ? "" : $"export PATH={Quote(path)}\n";
            var result = ShellRun.Run(
                "/bin/bash",
                ["--noprofile", "--norc", "-eo", "pipefail", "-c", pathLine + exports + actionStep.Run],
                directory);
            var outputs = File.ReadAllLines(output).Where(l => l.Contains('=', StringComparison.Ordinal))
                .ToDictionary(l => l[..l.IndexOf('=', StringComparison.Ordinal)], l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            return new Result(result.ExitCode, outputs, result.Text, result.StandardError);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>A JSON object of the values, as the runtime prints it.</summary>
    public static string ToJson(IEnumerable<KeyValuePair<string, string>> values) =>
        new JsonObject(values.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)JsonValue.Create(v.Value)))).ToJsonString();

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
