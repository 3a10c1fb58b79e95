using CIGen.Protocol;

namespace CIGen.Provider.Sdk.Rendering;

/// <param name="Key">One of the <see cref="JobFeatures"/> constants, for a provider to pick what it renders.</param>
/// <param name="Description">How the feature is named in a diagnostic, e.g. <c>runner profiles (runner 'cloud')</c>.</param>
public sealed record JobFeature(string Key, string Description);

/// <summary>
/// The optional job settings that not every provider renders yet. A provider reports each one it does not render with
/// <see cref="Diagnostics.DiagnosticBag.NotSupportedYet(string, SourceLocation?, string?, string?)"/>, so every
/// provider words the same gap the same way.
/// </summary>
public static class JobFeatures
{
    public const string Services = "services";
    public const string Packages = "packages";
    public const string Cache = "cache";
    public const string SourceFiles = "source_files";
    public const string RequiresAny = "requires_any";
    public const string RunnerProfile = "runner";
    public const string Approval = "type";

    /// <summary>The features <paramref name="job"/> uses, in this fixed order.</summary>
    /// <remarks>A job that chooses no runner at all uses the graph's <c>default_runner</c> profile.</remarks>
    public static IReadOnlyList<JobFeature> Used(Job job, Graph graph)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(graph);
        var profile = job.Runner?.Profile
            ?? (job.Runner is null or { RunsOn.Count: 0, ResourceClass: null } ? graph.DefaultRunner : null);
        (bool Used, string Key, string Description)[] features =
        [
            (job.Services.Count > 0, Services, "services"),
            (job.Packages.Count > 0, Packages, "packages"),
            (job.Cache.Count > 0, Cache, "cache"),
            (job.SourceFiles.Count > 0, SourceFiles, "source_files"),
            (job.RequiresAny.Count > 0, RequiresAny, "requires_any"),
            (profile is not null, RunnerProfile, $"runner profiles (runner '{profile}')"),
            (job.Type is not null, Approval, $"type: {job.Type}"),
        ];
        return [.. features.Where(f => f.Used).Select(f => new JobFeature(f.Key, f.Description))];
    }
}
