using System.Text.Json.Nodes;
using CIGen.Protocol;

namespace CIGen.Testing.Validation;

/// <summary>
/// Runs one validator script of tests/validators over many files in ONE node process (starting node per file would
/// make the tests slow): files go in as <c>[{path, content}]</c> JSON on stdin, findings come out as JSON.
/// </summary>
internal static class NodeValidators
{
    public static string Directory { get; } = Path.Combine(RepositoryPaths.Root, "tests", "validators");

    /// <param name="nodeArguments">Node options and the script, e.g. <c>["validate-circleci.mjs"]</c>.</param>
    /// <param name="requiredPackages">Packages under node_modules the script imports; missing ones fail with the install command.</param>
    /// <param name="validatorsDirectory">Where package.json and node_modules are; tests/validators unless a test says otherwise.</param>
    public static IReadOnlyList<ValidationFinding> Run(
        IReadOnlyList<string> nodeArguments, IReadOnlyList<string> requiredPackages, IReadOnlyList<OutputFile> files, string? validatorsDirectory)
    {
        var directory = validatorsDirectory ?? Directory;
        if (files.Count == 0)
        {
            return [];
        }

        var node = ToolProcess.FindOnPath("node")
            ?? throw new InvalidOperationException("node is not on PATH; the validators in tests/validators need Node.js >= 20.6.");
        EnsureInstalled(directory, requiredPackages);

        var script = nodeArguments[^1];
        var input = new JsonArray(files.Select(f => (JsonNode)new JsonObject { ["path"] = f.Path, ["content"] = f.Content }).ToArray());
        // A limit that catches a hung validator, not a slow one: one call may carry the files of hundreds of generated
        // configs, and on a busy 2-core machine that took over 120 s.
        var result = ToolProcess.Run(node, nodeArguments, directory, input.ToJsonString(), TimeSpan.FromSeconds(600));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed (exit {result.ExitCode}):\n{result.StandardError}");
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

    private static void EnsureInstalled(string directory, IReadOnlyList<string> packages)
    {
        var missing = packages.Where(p => !System.IO.Directory.Exists(Path.Combine(directory, "node_modules", p))).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The validators are not installed ({string.Join(", ", missing)} missing under {directory}/node_modules). "
                + "Run `npm ci --prefix tests/validators` from the repository root.");
        }
    }
}
