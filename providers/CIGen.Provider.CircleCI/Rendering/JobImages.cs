using System.Text.RegularExpressions;
using CIGen.Protocol;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>
/// The docker image of a job that names none. On CircleCI the image brings the tools (setup_package steps render
/// nothing), so the job's first package picks a CircleCI convenience image of that tool at the wanted version;
/// without packages it is the general-purpose base image. The tags are ones CircleCI publishes (docs/config.md,
/// CircleCI notes): full or minor versions, the <c>-node</c> variant, and for node the <c>lts</c> alias.
/// </summary>
internal static partial class JobImages
{
    /// <summary>CircleCI's general-purpose convenience image: Ubuntu with bash, git, curl and jq.</summary>
    public const string Base = "cimg/base:current";

    /// <summary>
    /// The tag used when the config asks for no version and the repository has no version file. Node has an alias for
    /// the newest LTS line; the other images publish no alias, so a recent minor line is pinned (its tag follows patch
    /// releases).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> DefaultTags = new Dictionary<string, string>
    {
        ["node"] = "lts",
        ["ruby"] = "3.4",
        ["python"] = "3.13",
        ["go"] = "1.24",
        ["rust"] = "1.85",
        ["dotnet"] = "10.0",
    };

    /// <summary>Convenience images that are also published with Node.js installed, as <c>&lt;tag&gt;-node</c>.</summary>
    private static readonly string[] WithNodeVariant = ["ruby", "python", "go", "rust"];

    public static string For(Job job) => job.Image ?? ForPackages(job.Packages) ?? Base;

    /// <summary>The image of the first package, or null when it is not a tool with an image (or there is none).</summary>
    public static string? ForPackages(IReadOnlyList<PackageUse> packages)
    {
        if (packages.Count == 0 || !DefaultTags.TryGetValue(packages[0].Name, out var fallback))
        {
            return null;
        }

        var first = packages[0];
        var version = Version(first) ?? fallback;
        if (first.Name == "dotnet")
        {
            return $"mcr.microsoft.com/dotnet/sdk:{MajorMinor(version)}";
        }

        var variant = WithNodeVariant.Contains(first.Name) && packages.Skip(1).Any(p => p.Name == "node") ? "-node" : "";
        return $"cimg/{first.Name}:{version}{variant}";
    }

    /// <summary>
    /// The config's version, else the version file's; only a plain version number names a tag (<c>stable</c>,
    /// <c>lts/*</c> or a range do not, and give the default tag).
    /// </summary>
    private static string? Version(PackageUse package) =>
        (package.Version ?? package.FileVersion) is { } version && PlainVersion().IsMatch(version) ? version : null;

    /// <summary>The SDK images are tagged by <c>major.minor</c>: <c>8.0.404</c> → <c>8.0</c>, <c>9</c> → <c>9.0</c>.</summary>
    private static string MajorMinor(string version)
    {
        var numbers = version.Split('.');
        return numbers.Length == 1 ? $"{numbers[0]}.0" : $"{numbers[0]}.{numbers[1]}";
    }

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)*$")]
    private static partial Regex PlainVersion();
}
