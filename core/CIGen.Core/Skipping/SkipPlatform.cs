using CIGen.Protocol;

namespace CIGen.Core.Skipping;

/// <summary>
/// The os and arch parts of a job's marker keys: the platform the job DECLARES, decided at generate time so a planning
/// job running on another machine computes the same key. Nothing is probed on the runner.
/// </summary>
internal static class SkipPlatform
{
    public const string DefaultOs = "linux";
    public const string DefaultArch = "amd64";

    /// <summary>
    /// <c>macos</c> or <c>windows</c> when one of the job's runner labels (its own <c>runs_on</c>, else its runner
    /// profile's) or its resource class starts with that word, ignoring case (GitHub <c>macos-14</c>,
    /// <c>windows-latest</c>, self-hosted <c>macOS</c>; CircleCI <c>macos.m1.medium.gen1</c>, <c>windows.medium</c>);
    /// the first such label decides. Otherwise <c>linux</c>.
    /// </summary>
    public static string Os(Job job, IReadOnlyList<RunnerProfile> profiles)
    {
        foreach (var label in Labels(job, profiles))
        {
            foreach (var os in (string[])["macos", "windows"])
            {
                if (label.StartsWith(os, StringComparison.OrdinalIgnoreCase))
                {
                    return os;
                }
            }
        }

        return DefaultOs;
    }

    /// <summary>The leg's <c>arch</c> (canonical) when the job has architectures; otherwise <c>amd64</c>.</summary>
    public static string Arch(Job job, MatrixLeg? leg) =>
        job.Architectures.Count > 0 && leg is not null && leg.Values.TryGetValue("arch", out var arch) && arch.Text.Length > 0
            ? arch.Text
            : DefaultArch;

    private static IEnumerable<string> Labels(Job job, IReadOnlyList<RunnerProfile> profiles)
    {
        if (job.Runner is not { } runner)
        {
            return [];
        }

        var profile = runner.Profile is { } name ? profiles.FirstOrDefault(p => p.Name == name) : null;
        var runsOn = runner.RunsOn.Count > 0 ? runner.RunsOn : profile?.RunsOn ?? [];
        var resourceClass = runner.ResourceClass ?? profile?.ResourceClass;
        return resourceClass is null ? runsOn : [.. runsOn, resourceClass];
    }
}
