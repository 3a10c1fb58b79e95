namespace CIGen.Core.Generation;

/// <summary>Process exit codes of <c>cigen</c>; documented in <c>cigen --help</c> and the README.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command line could not be parsed (unknown option, missing value).</summary>
    public const int Usage = 1;

    /// <summary>
    /// The configuration is missing or invalid, including error diagnostics a provider reported about it
    /// (something the config cannot express on that platform) and no provider being selected.
    /// </summary>
    public const int ConfigInvalid = 2;

    /// <summary><c>--check</c>: a generated file is missing or differs from what is on disk.</summary>
    public const int Drift = 3;

    /// <summary>
    /// A provider could not be found or started, crashed, timed out, broke the protocol, or returned unusable files
    /// (bad or duplicate paths); or the output could not be written; or, for <c>cigen providers check</c>, the provider
    /// failed a conformance rule.
    /// </summary>
    public const int ProviderFailure = 4;

    /// <summary>The help text's summary of the codes above.</summary>
    public const string Summary =
        """
        Exit codes:
          0  success (with --check: every file is up to date)
          1  usage error: the command line could not be parsed
          2  the configuration is missing or invalid (also: errors a provider reports about it, no provider selected)
          3  --check: a generated file is missing or out of date (a diff is printed)
          4  a provider failed (not found, crashed, timed out, broke the protocol, returned bad paths) or output could not be written;
             `cigen providers check`: the provider failed a conformance rule
        """;
}
