namespace CIGen.Core.Config;

/// <summary>
/// Stable codes of config diagnostics. Users search for them and tests assert them: never renumber, only add.
/// docs/config.md lists them ("Error catalogue").
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>The file is not valid YAML (or holds more than one document).</summary>
    public const string MalformedYaml = "CIG001";

    public const string DuplicateKey = "CIG002";

    /// <summary>A key that is not in the contract; the message suggests the closest valid key.</summary>
    public const string UnknownKey = "CIG003";

    /// <summary>A value of the wrong shape, e.g. a mapping where a list of strings belongs.</summary>
    public const string WrongType = "CIG004";

    /// <summary>A value of the right shape but not allowed (unknown architecture, negative timeout, …).</summary>
    public const string InvalidValue = "CIG005";

    public const string MissingKey = "CIG006";

    /// <summary>The config file or directory does not exist (any more).</summary>
    public const string ConfigNotFound = "CIG007";

    /// <summary>A file or directory in the <c>.cigen</c> tree that has no meaning there.</summary>
    public const string UnexpectedFile = "CIG008";

    /// <summary>A job, workflow, command or variable name that the platforms cannot use.</summary>
    public const string InvalidName = "CIG009";

    public const string UnknownRequiredJob = "CIG010";

    public const string UnknownRequiresAnyJob = "CIG011";

    public const string DependencyCycle = "CIG012";

    public const string DuplicateJob = "CIG013";

    public const string JobWithoutSteps = "CIG014";

    /// <summary>A command, service, runner or backend defined twice.</summary>
    public const string DuplicateDefinition = "CIG015";

    /// <summary>Two keys that mean the same thing (or exclude each other) are both set.</summary>
    public const string ConflictingKeys = "CIG016";

    public const string WorkflowWithoutJobs = "CIG017";

    public const string NoJobs = "CIG018";

    public const string CommandCycle = "CIG019";

    public const string UnknownGroup = "CIG020";

    public const string UnknownCommand = "CIG021";

    public const string UnknownService = "CIG022";

    public const string UnknownRunner = "CIG023";

    public const string UnknownBackend = "CIG024";

    public const string UnknownCache = "CIG025";

    public const string UnknownPackage = "CIG026";

    /// <summary>Warning: a provider name that looks like a typo of a known one.</summary>
    public const string SuspiciousProvider = "CIG027";

    /// <summary>A <c>${{ matrix.X }}</c> that names no dimension (or include value, or <c>arch</c>) of the job's matrix.</summary>
    public const string UnknownMatrixValue = "CIG028";

    /// <summary>A workflow's settings in both <c>workflows/x.yml</c> and <c>workflows/x/config.yml</c>.</summary>
    public const string WorkflowDefinedTwice = "CIG030";

    /// <summary>The same key set to different values in two config files (fragments, workflow settings).</summary>
    public const string FragmentConflict = "CIG031";

    public const string InvalidTrigger = "CIG032";

    /// <summary>An <c>if:</c> that is not a valid condition; the position points into the condition.</summary>
    public const string InvalidCondition = "CIG040";

    /// <summary>A hand-written <c>restore_cache</c>/<c>save_cache</c> key with a <c>{{ }}</c> template cigen does not know (or an unclosed one).</summary>
    public const string InvalidCacheKeyTemplate = "CIG041";

    /// <summary>A cache definition's <c>package:</c> names no package cigen knows.</summary>
    public const string UnknownCachePackage = "CIG042";

    /// <summary>A version source or cache definition uses <c>os</c>, <c>os_version</c> or <c>arch</c>, which every cache key already holds.</summary>
    public const string ReservedVersionName = "CIG043";

    /// <summary><c>$manager</c> in the versions of a cache definition that has no <c>package:</c> to take the manager from.</summary>
    public const string ManagerWithoutPackage = "CIG044";

    /// <summary>A package's <c>path</c> that is not a relative directory inside the project, or that does not exist.</summary>
    public const string InvalidPackagePath = "CIG045";

    /// <summary>Warning: a listed package has no files in the root and several subdirectories hold them; the first is used.</summary>
    public const string AmbiguousPackageDirectory = "CIG046";

    /// <summary>An S3 backend's <c>access_key</c>/<c>secret_key</c> written as plain text instead of a secret reference (<c>${NAME}</c>).</summary>
    public const string PlainTextSecret = "CIG047";

    /// <summary>Warning: a Redis backend's <c>url</c> written as plain text with a password in it.</summary>
    public const string PasswordInUrl = "CIG048";

    /// <summary>Two cache or tool names that become the same key value (<c>web-deps</c>/<c>web_deps</c>, tool <c>files_x</c>/cache <c>x</c>).</summary>
    public const string KeyValueNameCollision = "CIG049";

    /// <summary>Warning: a job with <c>source_files</c> runs on macOS or Windows, where it cannot be skipped (the hash script needs GNU tools).</summary>
    public const string SkipNeedsLinuxRunner = "CIG050";

    /// <summary>Warning: a <c>${{ }}</c> inside single quotes of a bash run script, which GitHub leaves unexpanded and CircleCI expands.</summary>
    public const string ExpressionInSingleQuotes = "CIG051";

    /// <summary>A runner profile's <c>cache_backend</c> names a redis backend: redis holds skip markers, not dependency caches.</summary>
    public const string RedisDependencyCache = "CIG052";
}
