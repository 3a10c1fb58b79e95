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

    /// <summary>The job's own image, else the image of its packages (warning when it lacks some), else the base image.</summary>
    public static string For(Job job, Scope? scope = null)
    {
        if (job.Image is { } image)
        {
            return image;
        }

        var chosen = Choose(job.Packages);
        var missing = job.Packages.Select(p => p.Name).Distinct().Where(name => !Provides(chosen, name)).ToList();
        if (missing.Count > 0 && scope is not null)
        {
            scope.Warning(
                DiagnosticCodes.PackageImage,
                $"{scope.Description} has no `image` and no CircleCI convenience image brings {string.Join(" and ", job.Packages.Select(p => p.Name).Distinct())}; "
                + $"{chosen?.Image ?? Base} lacks {string.Join(", ", missing)} — set `image:` on the job to one that has every package",
                job.Source);
        }

        return chosen?.Image ?? Base;
    }

    /// <summary>
    /// The image of the packages, or null when none has an image. One package with an image picks it; node with one
    /// other picks the other's <c>-node</c> variant, whatever the order (<c>[node, ruby]</c> → <c>cimg/ruby:…-node</c>).
    /// </summary>
    public static string? ForPackages(IReadOnlyList<PackageUse> packages) => Choose(packages)?.Image;

    private sealed record Choice(string Image, IReadOnlyList<string> Tools);

    private static Choice? Choose(IReadOnlyList<PackageUse> packages)
    {
        var imaged = packages.Where(p => DefaultTags.ContainsKey(p.Name)).ToList();
        if (imaged.Count == 0)
        {
            return null;
        }

        var node = imaged.FirstOrDefault(p => p.Name == "node");
        var primary = imaged.FirstOrDefault(p => p.Name != "node") ?? node!;
        var version = Version(primary) ?? DefaultTags[primary.Name];
        if (primary.Name == "dotnet")
        {
            return new Choice($"mcr.microsoft.com/dotnet/sdk:{MajorMinor(version)}", ["dotnet"]);
        }

        return node is not null && primary != node && WithNodeVariant.Contains(primary.Name)
            ? new Choice($"cimg/{primary.Name}:{version}-node", [primary.Name, "node"])
            : new Choice($"cimg/{primary.Name}:{version}", [primary.Name]);
    }

    private static bool Provides(Choice? chosen, string package) => chosen?.Tools.Contains(package) ?? false;

    /// <summary>
    /// The config's version, else the version file's; only a plain version number names a tag (<c>stable</c>,
    /// <c>lts/*</c> or a range do not, and give the default tag). The cimg images publish <c>X.Y</c> and
    /// <c>X.Y.Z</c> tags but no bare major (<c>cimg/node:20</c> does not exist), so a bare major gives the default
    /// tag too (node: <c>lts</c>); the .NET SDK images are tagged by major and minor, which a major gives.
    /// </summary>
    private static string? Version(PackageUse package) =>
        (package.Version ?? package.FileVersion) is { } version && PlainVersion().IsMatch(version)
        && (package.Name == "dotnet" || version.Contains('.'))
            ? version
            : null;

    /// <summary>The SDK images are tagged by <c>major.minor</c>: <c>8.0.404</c> → <c>8.0</c>, <c>9</c> → <c>9.0</c>.</summary>
    private static string MajorMinor(string version)
    {
        var numbers = version.Split('.');
        return numbers.Length == 1 ? $"{numbers[0]}.0" : $"{numbers[0]}.{numbers[1]}";
    }

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)*$")]
    private static partial Regex PlainVersion();
}
