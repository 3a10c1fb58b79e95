namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>
/// Codes of the diagnostics this provider reports (docs/protocol.md: stable, machine-readable). "Not supported yet"
/// warnings use the SDK's shared <c>circleci.unsupported-feature</c>.
/// </summary>
internal static class DiagnosticCodes
{
    /// <summary>A <c>uses:</c> step: GitHub Actions do not run on CircleCI (error).</summary>
    public const string UsesStep = "circleci.uses-step";

    /// <summary>A step condition other than <c>success()</c>, <c>failure()</c>, <c>always()</c>, or one on a step that cannot have any (error).</summary>
    public const string StepCondition = "circleci.step-condition";

    /// <summary>A job condition CircleCI workflows cannot express (error).</summary>
    public const string JobCondition = "circleci.job-condition";

    /// <summary>Settings of a command step that a bare command reference cannot carry and that change what runs (error).</summary>
    public const string CommandStepSetting = "circleci.command-step-setting";

    /// <summary>A step CircleCI cannot run as given: an unknown kind, a cache step without keys or paths (error).</summary>
    public const string InvalidStep = "circleci.invalid-step";

    /// <summary>A job left without steps (error).</summary>
    public const string JobWithoutSteps = "circleci.job-without-steps";

    /// <summary>A job or command name CircleCI rejects, or two jobs that would get one name (error).</summary>
    public const string InvalidName = "circleci.invalid-name";

    /// <summary>A branch or tag filter CircleCI's only/ignore lists cannot express (error).</summary>
    public const string RefFilter = "circleci.ref-filter";

    /// <summary>A setting without a CircleCI equivalent that is left out: step ids, names or variables on steps that cannot carry them, timeouts, runs_on, workflow permissions and concurrency (warning).</summary>
    public const string Ignored = "circleci.ignored";

    /// <summary>A path filter: a plain CircleCI config cannot filter by changed files (warning).</summary>
    public const string PathFilter = "circleci.path-filter";

    /// <summary>A trigger a CircleCI config cannot express, with what to set up instead (warning).</summary>
    public const string Trigger = "circleci.trigger";

    /// <summary>A value holding <c>${{ }}</c>, which CircleCI passes through unevaluated (warning).</summary>
    public const string GitHubExpression = "circleci.github-expression";

    /// <summary>An env value with a <c>${{ }}</c> expression that is not a secret/variable reference CircleCI can map (error).</summary>
    public const string EnvExpression = "circleci.env-expression";

    /// <summary>A job reads secrets/variables while no <c>circleci: {context}</c> is configured: where to define them (info).</summary>
    public const string SecretSource = "circleci.secret-source";

    /// <summary>A service port CircleCI cannot honour as written: a remapped host port, or a port that cannot be awaited (warning).</summary>
    public const string ServicePort = "circleci.service-port";

    /// <summary>A job without <c>image</c> whose packages no one convenience image provides (warning).</summary>
    public const string PackageImage = "circleci.package-image";

    /// <summary>A package version no CircleCI image has and the job cannot install (pypy, free-threaded Python, a Go release name).</summary>
    public const string PackageVersion = "circleci.package-version";

    /// <summary>A skippable job on a macOS or Windows executor, where the skip steps cannot run: it is never skipped (warning).</summary>
    public const string SkipExecutor = "circleci.skip-executor";
}
