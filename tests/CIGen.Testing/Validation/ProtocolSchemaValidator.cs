namespace CIGen.Testing.Validation;

/// <summary>Validates protocol messages against docs/protocol.schema.json with ajv (tests/validators/validate-protocol.mjs).</summary>
public static class ProtocolSchemaValidator
{
    /// <param name="messages">Each message as JSON text, with the schema definition it must match (<c>GenerateParams</c>) and a label for findings.</param>
    public static IReadOnlyList<ValidationFinding> Run(IEnumerable<(string Definition, string Label, string Json)> messages) =>
        NodeValidators.Run(
            ["validate-protocol.mjs"],
            ["ajv"],
            [.. messages.Select(m => new CIGen.Protocol.OutputFile($"{m.Definition}:{m.Label}", m.Json))],
            null);
}
