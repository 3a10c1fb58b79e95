using CIGen.Protocol;

namespace CIGen.Provider.Sdk.Diagnostics;

/// <summary>Collects the diagnostics of one <c>generate</c> call, each pointing at the user's file.</summary>
/// <param name="providerName">The provider's name as users see it (<c>github</c>, <c>circleci</c>): the prefix of shared codes and part of shared wording.</param>
public sealed class DiagnosticBag(string providerName)
{
    private readonly List<Diagnostic> diagnostics = [];

    public IReadOnlyList<Diagnostic> All => diagnostics;

    public bool HasErrors => diagnostics.Exists(d => d.Severity == Severity.Error);

    /// <summary>The code of every "not supported yet" warning: <c>&lt;provider&gt;.unsupported-feature</c>.</summary>
    public string UnsupportedFeatureCode => $"{providerName}.unsupported-feature";

    public void Error(string code, string message, SourceLocation? source, string? workflow = null, string? job = null) =>
        Add(Severity.Error, code, message, source, workflow, job);

    public void Warning(string code, string message, SourceLocation? source, string? workflow = null, string? job = null) =>
        Add(Severity.Warning, code, message, source, workflow, job);

    public void Info(string code, string message, SourceLocation? source, string? workflow = null, string? job = null) =>
        Add(Severity.Info, code, message, source, workflow, job);

    /// <summary>The warning for a feature a later version renders: never dropped silently, never copied raw.</summary>
    public void NotSupportedYet(string feature, SourceLocation? source, string? workflow = null, string? job = null) =>
        Warning(UnsupportedFeatureCode, NotSupportedYetMessage(feature), source, workflow, job);

    /// <summary>The same, for a setting of the whole config (no job, no line).</summary>
    public void NotSupportedYet(string feature, string configFile) =>
        diagnostics.Add(new Diagnostic(Severity.Warning, UnsupportedFeatureCode, NotSupportedYetMessage(feature), configFile));

    /// <summary>A note about the whole config (no job, no line), pointing at the config itself.</summary>
    public void Info(string code, string message, string configFile) =>
        diagnostics.Add(new Diagnostic(Severity.Info, code, message, configFile));

    private string NotSupportedYetMessage(string feature) => $"{feature} is not supported by the {providerName} provider yet; it is ignored";

    /// <summary>
    /// Adds the diagnostic unless an equal one is there: what several parts of the output report alike (every leg of a
    /// matrix job, every use of a command) is said once.
    /// </summary>
    private void Add(string severity, string code, string message, SourceLocation? source, string? workflow, string? job)
    {
        var diagnostic = new Diagnostic(severity, code, message, source?.File, source?.Line, source?.Column, workflow, job);
        if (!diagnostics.Contains(diagnostic))
        {
            diagnostics.Add(diagnostic);
        }
    }
}
