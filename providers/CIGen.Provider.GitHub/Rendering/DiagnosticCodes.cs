namespace CIGen.Provider.GitHub.Rendering;

/// <summary>
/// Codes of the diagnostics this provider reports (docs/protocol.md: stable, machine-readable). "Not supported yet"
/// warnings use the SDK's shared <c>github.unsupported-feature</c>.
/// </summary>
internal static class DiagnosticCodes
{
    /// <summary><c>resource_class</c> without <c>runs_on</c>: GitHub picks machines by labels (warning).</summary>
    public const string ResourceClassIgnored = "github.resource-class-ignored";

    /// <summary><c>output_filename</c> with several workflows would write them all to one file (error).</summary>
    public const string OutputFilenameNeedsOneWorkflow = "github.output-filename-needs-one-workflow";

    /// <summary>Something GitHub Actions cannot express, e.g. a job that <c>only:</c> left without steps (error).</summary>
    public const string InvalidWorkflow = "github.invalid-workflow";

    /// <summary>A step this provider cannot turn into a GitHub step (error).</summary>
    public const string InvalidStep = "github.invalid-step";

    /// <summary>An <c>${{ env.X }}</c> reference in workflow or job env, where GitHub has no <c>env</c> context (error).</summary>
    public const string EnvContext = "github.env-context";

    /// <summary>A <c>restore_cache</c> or <c>save_cache</c> step without paths, which GitHub's cache actions require (error).</summary>
    public const string CacheNeedsPaths = "github.cache-needs-paths";

    /// <summary>
    /// A pull-request trigger with <c>paths</c>/<c>paths-ignore</c> on a workflow whose gate job is the required check:
    /// a pull request that changes only filtered-out files never gets the check (warning).
    /// </summary>
    public const string PathFilterHidesGate = "github.path-filter-hides-gate";
}
