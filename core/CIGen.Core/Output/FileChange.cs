namespace CIGen.Core.Output;

/// <summary>One file the output changes: written with <see cref="Bytes"/>, or deleted when they are null.</summary>
/// <param name="Path">Relative to the output root, '/'-separated, as reported.</param>
/// <param name="OldBytes">What the file held before, null when it did not exist: what a rollback puts back.</param>
internal sealed record FileChange(string Path, string FullPath, byte[]? Bytes, byte[]? OldBytes);
