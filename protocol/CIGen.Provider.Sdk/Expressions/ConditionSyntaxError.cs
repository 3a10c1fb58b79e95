namespace CIGen.Provider.Sdk.Expressions;

/// <summary>What is wrong with a condition, and where: <paramref name="Offset"/> counts characters of the text as written.</summary>
public sealed record ConditionSyntaxError(int Offset, string Message);
