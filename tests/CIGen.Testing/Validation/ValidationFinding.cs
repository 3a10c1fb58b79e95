namespace CIGen.Testing.Validation;

/// <summary>One problem a validator reported about a generated file.</summary>
/// <param name="Tool">actionlint, workflow-parser or shellcheck.</param>
public sealed record ValidationFinding(string Tool, string Path, int Line, int Column, string Severity, string Message)
{
    public override string ToString() => $"{Path}:{Line}:{Column}: {Severity} [{Tool}] {Message}";
}
