using CIGen.Protocol;

namespace CIGen.Provider.GitHub.Rendering;

/// <summary>Collects the diagnostics of one <c>generate</c> call, each pointing at the user's file.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> diagnostics = [];

    public IReadOnlyList<Diagnostic> All => diagnostics;

    public bool HasErrors => diagnostics.Exists(d => d.Severity == Severity.Error);

    public void Error(string code, string message, SourceLocation? source, string? workflow = null, string? job = null) =>
        Add(Severity.Error, code, message, source, workflow, job);

    public void Warning(string code, string message, SourceLocation? source, string? workflow = null, string? job = null) =>
        Add(Severity.Warning, code, message, source, workflow, job);

    /// <summary>The warning for a feature a later version renders: never dropped silently, never copied raw.</summary>
    public void NotSupportedYet(string feature, SourceLocation? source, string? workflow = null, string? job = null) =>
        Warning(DiagnosticCodes.UnsupportedFeature, $"{feature} is not supported by the github provider yet; it is ignored", source, workflow, job);

    /// <summary>The same, for a setting of the whole config (no job, no line).</summary>
    public void NotSupportedYet(string feature, string configFile) =>
        diagnostics.Add(new Diagnostic(
            Severity.Warning, DiagnosticCodes.UnsupportedFeature, $"{feature} is not supported by the github provider yet; it is ignored", configFile));

    private void Add(string severity, string code, string message, SourceLocation? source, string? workflow, string? job) =>
        diagnostics.Add(new Diagnostic(severity, code, message, source?.File, source?.Line, source?.Column, workflow, job));
}
