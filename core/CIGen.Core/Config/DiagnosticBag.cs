using CIGen.Core.Config.Yaml;
using CIGen.Protocol;

namespace CIGen.Core.Config;

/// <summary>Collects every problem of a load, so the user sees all of them in one run.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> items = [];
    private readonly HashSet<string> malformedFiles = new(StringComparer.Ordinal);

    public IReadOnlyList<Diagnostic> Items => items;

    public bool HasErrors => items.Any(d => d.Severity == Severity.Error);

    /// <summary>Marks a file that could not be parsed, so checks of its content do not pile follow-up errors on it.</summary>
    public void MarkMalformed(string file) => malformedFiles.Add(file);

    public bool IsMalformed(string file) => malformedFiles.Contains(file);

    public void Error(string code, SourceLocation? at, string message, Scope scope = default) =>
        Add(Severity.Error, code, at, message, scope);

    public void Error(string code, ConfigNode at, string message, Scope scope = default) =>
        Add(Severity.Error, code, at.Location, message, scope);

    public void Warning(string code, SourceLocation at, string message, Scope scope = default) =>
        Add(Severity.Warning, code, at, message, scope);

    private void Add(string severity, string code, SourceLocation? at, string message, Scope scope) =>
        items.Add(new Diagnostic(severity, code, message, at?.File, at?.Line, at?.Column, scope.Workflow, scope.Job));

    /// <summary>Diagnostics in file, line, column order, so output does not depend on the order of checks.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        [.. items
            .Select((d, index) => (d, index))
            .OrderBy(x => x.d.File ?? "", StringComparer.Ordinal)
            .ThenBy(x => x.d.Line ?? 0)
            .ThenBy(x => x.d.Column ?? 0)
            .ThenBy(x => x.index)
            .Select(x => x.d)];
}

/// <summary>The workflow and job a diagnostic belongs to, when known.</summary>
internal readonly record struct Scope(string? Workflow = null, string? Job = null);
