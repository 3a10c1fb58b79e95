using CIGen.Protocol;

namespace CIGen.Testing.Validation.CircleCi;

/// <summary>
/// CircleCI's official JSON schema (tests/validators/schemas/circleciconfig.json) checked with ajv by
/// tests/validators/validate-circleci.mjs, in ONE node process per call. Findings have the tool <c>circleci-schema</c>;
/// YAML syntax errors are reported the same way.
/// </summary>
public static class CircleCiSchema
{
    public const string Tool = "circleci-schema";

    /// <param name="validatorsDirectory">Where package.json and node_modules are; tests/validators unless a test says otherwise.</param>
    public static IReadOnlyList<ValidationFinding> Run(IEnumerable<OutputFile> configs, string? validatorsDirectory = null) =>
        NodeValidators.Run(["validate-circleci.mjs"], ["ajv", "ajv-formats", "yaml"], configs.ToList(), validatorsDirectory);
}
