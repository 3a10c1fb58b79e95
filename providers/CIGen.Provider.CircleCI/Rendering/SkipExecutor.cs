using CIGen.Protocol;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>
/// The skip steps are bash with GNU find, grep and coreutils, which a Linux executor has; on a macOS (BSD tools) or
/// Windows executor they would fail the job or, worse, hash differently. Such a job stays unskipped, with a warning.
/// </summary>
internal static class SkipExecutor
{
    /// <summary>CircleCI's macOS and Windows resource classes (<c>macos.m1.medium.gen1</c>, <c>windows.medium</c>) or a Windows image (not a Linux image that merely cross-builds for Windows).</summary>
    public static bool IsMacOsOrWindows(Job job) =>
        job.Runner?.ResourceClass is { } resourceClass
            && (resourceClass.StartsWith("macos.", StringComparison.OrdinalIgnoreCase) || resourceClass.StartsWith("windows.", StringComparison.OrdinalIgnoreCase))
        || job.Image is { } image
            && (image.StartsWith("mcr.microsoft.com/windows", StringComparison.OrdinalIgnoreCase)
                || image.Contains("servercore", StringComparison.OrdinalIgnoreCase)
                || image.Contains("nanoserver", StringComparison.OrdinalIgnoreCase));

    /// <summary>Warns when <paramref name="job"/> is skippable but runs on an executor the skip steps do not support.</summary>
    public static void WarnWhenUnsupported(Job job, Scope scope)
    {
        if (job.Skipping is not null && IsMacOsOrWindows(job))
        {
            scope.Warning(
                DiagnosticCodes.SkipExecutor,
                $"{scope.Description} runs on a macOS or Windows executor, but skipping unchanged jobs on CircleCI needs a Linux executor "
                + "(bash with GNU find and grep); the job always runs — use a Linux resource class and image, or set `skip: false`",
                job.Source);
        }
    }
}
