namespace CIGen.Core.Output;

/// <summary>A file ready to be written: valid path, final text (normalised, header included).</summary>
/// <param name="Path">Relative to the output root, '/'-separated.</param>
/// <param name="Provider">The provider that produced it, for messages.</param>
public sealed record GeneratedFile(string Path, string Content, string Provider);

/// <summary>The files one provider returned, as it returned them.</summary>
public sealed record ProviderFiles(string Provider, IReadOnlyList<CIGen.Protocol.OutputFile> Files);
