using System.Text.RegularExpressions;
using CIGen.Protocol;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>
/// The docker image of a job that names none, and which of its packages the job installs itself. On CircleCI the
/// image brings the tools, so the job's first package picks a CircleCI convenience image of that tool at the version
/// the core resolved (<see cref="PackageUse.SetupVersion"/>, the one GitHub sets up too); without packages it is the
/// general-purpose base image. A version no image is tagged with is installed in the job where that is cheap and
/// exact (rustup for any Rust toolchain, Node.js from nodejs.org), else an error names what to write — never an image
/// of another version. The tags are ones CircleCI publishes (docs/config.md, CircleCI notes): full or minor versions,
/// the <c>-node</c> variant (Node.js LTS), and for node the <c>lts</c> alias.
/// </summary>
internal static partial class JobImages
{
    /// <summary>CircleCI's general-purpose convenience image: Ubuntu with bash, git, curl and jq.</summary>
    public const string Base = "cimg/base:current";

    /// <summary>
    /// The tag of a tool's image when its version is not a tag and the job switches the version itself: rustup,
    /// present in every cimg/rust image, installs the wanted toolchain (the core's prepare step).
    /// </summary>
    private const string RustupImageTag = "1.85";

    /// <summary>The tools CircleCI publishes convenience images of, as image names.</summary>
    private static readonly string[] Imaged = ["node", "ruby", "python", "go", "rust", "dotnet"];

    /// <summary>Convenience images that are also published with Node.js LTS installed, as <c>&lt;tag&gt;-node</c>.</summary>
    private static readonly string[] WithNodeVariant = ["ruby", "python", "go", "rust"];

    /// <summary>What the job's image is and brings.</summary>
    /// <param name="Image">The image to run the job in.</param>
    /// <param name="InstallsNode">Node.js is set up by a step of the job (<see cref="NodeInstall"/>): no image has its version.</param>
    /// <param name="Missing">Packages the image lacks and nothing installs.</param>
    /// <param name="Untagged">Packages whose version no image is published with and that cannot be installed in the job.</param>
    public sealed record Choice(string Image, bool InstallsNode, IReadOnlyList<string> Missing, IReadOnlyList<PackageUse> Untagged);

    /// <summary>The job's own image, else the image of its packages (an error or warning for what it cannot bring), else the base image.</summary>
    public static string For(Job job, Scope? scope = null)
    {
        var choice = Choose(job.Image, job.Packages);
        if (scope is null || job.Image is not null)
        {
            return choice.Image;
        }

        foreach (var package in choice.Untagged.Where(p => p.Name == "node"))
        {
            scope.Error(
                DiagnosticCodes.PackageVersion,
                $"{scope.Description} sets up node {package.SetupVersion}, which no cimg/node image is tagged with and cigen_install_node cannot "
                + "resolve (it takes a version or its start such as 20, 20.11 or 20.x, lts/*, lts/<codename> or latest); write one of those, "
                + "or set `image:` on the job to an image that has it",
                job.Source);
        }

        foreach (var package in choice.Untagged.Where(p => p.Name != "node"))
        {
            scope.Error(
                DiagnosticCodes.PackageVersion,
                $"{scope.Description} sets up {package.Name} {package.SetupVersion}, and CircleCI publishes no cimg/{ImageName(package.Name)} image of it "
                + $"(its tags are versions like {Example(package.Name)}); set `image:` on the job to an image that has it{Suggestion(package)}, "
                + "or ask for a version CircleCI publishes — GitHub would set up this version, so another image would build with another toolchain",
                job.Source);
        }

        if (choice.Missing.Count > 0)
        {
            scope.Warning(
                DiagnosticCodes.PackageImage,
                $"{scope.Description} has no `image` and no CircleCI convenience image brings {string.Join(" and ", job.Packages.Select(p => p.Name).Distinct())}; "
                + $"{choice.Image} lacks {string.Join(", ", choice.Missing)} — set `image:` on the job to one that has every package",
                job.Source);
        }

        return choice.Image;
    }

    /// <summary>The image of the packages alone (no job image), for tests and the docs' table.</summary>
    public static string ForPackages(IReadOnlyList<PackageUse> packages) => Choose(null, packages).Image;

    /// <summary>
    /// One package with an image picks it; node with one other picks the other's <c>-node</c> variant when node's
    /// version is LTS, whatever the order (<c>[node, ruby]</c> → <c>cimg/ruby:…-node</c>); a node version no image has
    /// is installed by the job on the other tool's image, or on the base image.
    /// </summary>
    public static Choice Choose(string? jobImage, IReadOnlyList<PackageUse> packages)
    {
        var imaged = packages.Where(p => Imaged.Contains(p.Name)).ToList();
        var node = imaged.FirstOrDefault(p => p.Name == "node");
        var primary = imaged.FirstOrDefault(p => p.Name != "node");
        var nodeTag = node is null ? null : NodeTag(node.SetupVersion);
        var installsNode = node is not null && jobImage is null && (nodeTag is null || (primary is not null && (nodeTag != "lts" || !WithNodeVariant.Contains(primary.Name))));
        if (jobImage is { } image)
        {
            return new Choice(image, false, [], []);
        }

        string chosen;
        List<string> tools = [];
        List<PackageUse> untagged = [];
        if (primary is null)
        {
            chosen = nodeTag is not null ? $"cimg/node:{nodeTag}" : Base;
        }
        else
        {
            var tag = Tag(primary);
            if (tag is null)
            {
                if (primary.Name == "rust")
                {
                    tag = RustupImageTag;
                }
                else
                {
                    untagged.Add(primary);
                    tag = "current";
                }
            }

            tools.Add(primary.Name);
            chosen = primary.Name == "dotnet"
                ? $"mcr.microsoft.com/dotnet/sdk:{tag}"
                : node is not null && !installsNode ? $"cimg/{primary.Name}:{tag}-node" : $"cimg/{primary.Name}:{tag}";
        }

        if (node is not null)
        {
            tools.Add("node");
        }

        if (installsNode && !Installable().IsMatch(node!.SetupVersion ?? ""))
        {
            untagged.Add(node!);
        }

        var missing = packages.Select(p => p.Name).Distinct().Where(name => !tools.Contains(name)).ToList();
        return new Choice(chosen, installsNode, missing, untagged);
    }

    /// <summary>
    /// The image tag of a plain version: the cimg images publish <c>X.Y</c> and <c>X.Y.Z</c> but no bare major
    /// (<c>cimg/python:3</c> does not exist); the .NET SDK images are tagged by major and minor, which a major gives.
    /// Null when no tag has the version (<c>pypy3.11</c>, <c>3.14t</c>, <c>nightly</c>).
    /// </summary>
    private static string? Tag(PackageUse package)
    {
        if (package.SetupVersion is not { } version || !PlainVersion().IsMatch(version))
        {
            return null;
        }

        if (package.Name == "dotnet")
        {
            var numbers = version.Split('.');
            return numbers.Length == 1 ? $"{numbers[0]}.0" : $"{numbers[0]}.{numbers[1]}";
        }

        return version.Contains('.') ? version : null;
    }

    /// <summary><c>lts</c> for the newest LTS line, a plain <c>X.Y[.Z]</c>, or null when the job installs the version.</summary>
    private static string? NodeTag(string? version) => version switch
    {
        "lts" or "lts/*" => "lts",
        { } plain when PlainVersion().IsMatch(plain) && plain.Contains('.') => plain,
        _ => null,
    };

    private static string ImageName(string package) => package == "dotnet" ? "dotnet/sdk" : package;

    private static string Example(string package) => package switch
    {
        "python" => "3.13 or 3.12.8",
        "ruby" => "3.4 or 3.3.6",
        "go" => "1.24 or 1.23.4",
        "dotnet" => "10.0 or 8.0",
        _ => "X.Y or X.Y.Z",
    };

    private static string Suggestion(PackageUse package) =>
        package.Name == "python" && package.SetupVersion is { } version && version.StartsWith("pypy", StringComparison.Ordinal)
            ? $" (PyPy publishes `pypy:{version["pypy".Length..].TrimStart('-')}`)"
            : "";

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)*$")]
    private static partial Regex PlainVersion();

    /// <summary>What Scripts/install-node.sh finds a release for: a version or its start, an LTS line, the newest.</summary>
    [GeneratedRegex(@"^(v?[0-9]+(\.[0-9]+){0,2}(\.x)?|lts/.+|lts|node|latest|current)$")]
    private static partial Regex Installable();
}
