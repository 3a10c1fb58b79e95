using CIGen.Protocol;

namespace CIGen.Core.Generation;

/// <summary>
/// One line per diagnostic in the form compilers use and editors link: <c>path:line:col: error CODE: message</c>, the
/// path relative to the current directory so it can be clicked or pasted.
/// </summary>
public static class DiagnosticFormatter
{
    /// <param name="configRoot">What the diagnostic's <see cref="Diagnostic.File"/> is relative to.</param>
    /// <param name="provider">The provider that reported it, if one did.</param>
    public static string Format(Diagnostic diagnostic, string configRoot, string currentDirectory, string? provider = null)
    {
        var location = "";
        if (!string.IsNullOrEmpty(diagnostic.File))
        {
            var path = Path.GetRelativePath(currentDirectory, Path.GetFullPath(Path.Combine(configRoot, diagnostic.File))).Replace('\\', '/');
            location = diagnostic switch
            {
                { Line: { } line, Column: { } column } => $"{path}:{line}:{column}: ",
                { Line: { } line } => $"{path}:{line}: ",
                _ => $"{path}: ",
            };
        }

        var scope = string.IsNullOrEmpty(diagnostic.File) ? Scope(diagnostic) : "";
        var origin = provider is null ? "" : $" [{provider}]";
        // One line whatever the message quotes (a provider's text, a multi-line value): a line break is shown as \n.
        var message = diagnostic.Message?.Any(char.IsControl) == true ? MessageText.Escape(diagnostic.Message) : diagnostic.Message;
        return $"{location}{diagnostic.Severity} {diagnostic.Code}: {message}{scope}{origin}";
    }

    public static bool IsError(Diagnostic diagnostic) =>
        diagnostic.Severity is not (Severity.Warning or Severity.Info); // an unknown severity counts as an error

    private static string Scope(Diagnostic diagnostic) => (diagnostic.Workflow, diagnostic.Job) switch
    {
        ({ } workflow, { } job) => $" (workflow '{workflow}', job '{job}')",
        ({ } workflow, null) => $" (workflow '{workflow}')",
        (null, { } job) => $" (job '{job}')",
        _ => "",
    };
}
