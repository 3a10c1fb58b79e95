using System.Text.Json.Serialization;

namespace CIGen.Protocol;

/// <summary>
/// Source-generated serialization for every wire type: no reflection, so host and providers stay trimming- and
/// Native-AOT-clean. camelCase names and omitted nulls are part of the wire contract (docs/protocol.md).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false,
    AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(InitializeParams))]
[JsonSerializable(typeof(InitializeResult))]
[JsonSerializable(typeof(GenerateParams))]
[JsonSerializable(typeof(GenerateResult))]
[JsonSerializable(typeof(Graph))]
// Conditions and key parts both have operands named env, literal and matrix: give their contracts distinct names.
[JsonSerializable(typeof(Condition.Env), TypeInfoPropertyName = "ConditionEnv")]
[JsonSerializable(typeof(Condition.Literal), TypeInfoPropertyName = "ConditionLiteral")]
[JsonSerializable(typeof(Condition.Matrix), TypeInfoPropertyName = "ConditionMatrix")]
[JsonSerializable(typeof(KeyPart.Env), TypeInfoPropertyName = "KeyPartEnv")]
[JsonSerializable(typeof(KeyPart.Literal), TypeInfoPropertyName = "KeyPartLiteral")]
[JsonSerializable(typeof(KeyPart.Matrix), TypeInfoPropertyName = "KeyPartMatrix")]
[JsonSerializable(typeof(object))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(bool))]
public sealed partial class ProtocolJsonContext : JsonSerializerContext;
