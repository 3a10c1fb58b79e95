namespace CIGen.Protocol;

/// <summary>Params of <c>generate</c>: the resolved graph (already filtered for this provider) and options.</summary>
public sealed record GenerateParams(Graph Graph, GenerateOptions Options);

/// <param name="OutputPath">The user's <c>output_path</c>, when set: a directory relative to the output root.</param>
/// <param name="OutputFilename">The user's <c>output_filename</c>, when set.</param>
public sealed record GenerateOptions(string? OutputPath = null, string? OutputFilename = null);

/// <summary>Result of <c>generate</c>. Files are written by the host, never by the provider.</summary>
public sealed record GenerateResult(IReadOnlyList<OutputFile> Files, IReadOnlyList<Diagnostic> Diagnostics);

/// <param name="Path">Relative to the output root, '/'-separated, no '.' or '..' segments.</param>
public sealed record OutputFile(string Path, string Content);

public static class Severity
{
    public const string Error = "error";
    public const string Warning = "warning";
    public const string Info = "info";
}

/// <summary>A user-facing problem. Providers report them in results; JSON-RPC errors are for protocol faults only.</summary>
public sealed record Diagnostic(
    string Severity,
    string Code,
    string Message,
    string? File = null,
    int? Line = null,
    int? Column = null,
    string? Workflow = null,
    string? Job = null);
