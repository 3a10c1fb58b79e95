using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace CIGen.EndToEnd.Tests.Meaning;

/// <summary>
/// The toolchain version a generated job sets up, read back as each platform would: GitHub from its setup actions'
/// inputs and the files they read, CircleCI from the image's tag, <c>cigen_install_node</c> and rustup steps.
/// </summary>
internal static partial class Toolchains
{
    /// <summary>What GitHub sets up: the setup action's version input, or the file it reads; rust: the rustup steps, else the runner's stable.</summary>
    /// <param name="root">The project root, which the files the actions read are relative to.</param>
    /// <param name="directory">The package's directory, relative to the root (its rust-toolchain.toml).</param>
    public static string GitHub(YamlMappingNode job, string tool, string root, string? directory)
    {
        var steps = ((YamlSequenceNode)job["steps"]).Cast<YamlMappingNode>().ToList();
        if (tool == "rust")
        {
            return Rustup(steps.Select(s => Text(s, "run")), root, directory) ?? "stable";
        }

        var action = tool switch { "node" => "actions/setup-node@", "python" => "actions/setup-python@", "ruby" => "ruby/setup-ruby@", "go" => "actions/setup-go@", _ => "actions/setup-dotnet@" };
        var setup = steps.Single(s => Text(s, "uses")?.StartsWith(action, StringComparison.Ordinal) == true);
        var with = setup.Children.TryGetValue("with", out var inputs) ? (YamlMappingNode)inputs : new YamlMappingNode();
        var input = tool == "dotnet" ? "dotnet" : tool;
        if (Text(with, $"{input}-version") is { } version)
        {
            return version;
        }

        var file = tool switch
        {
            "ruby" => $"{Text(with, "working-directory") ?? "."}/.ruby-version",
            "dotnet" => Text(with, "global-json-file")!,
            _ => Text(with, $"{tool}-version-file")!,
        };
        var content = File.ReadAllText(Path.Combine(root, file));
        return tool switch
        {
            "go" => GoLine().Match(content).Groups[1].Value,
            "dotnet" => SdkVersion().Match(content).Groups[1].Value,
            "ruby" => content.Trim().Replace("ruby-", "", StringComparison.Ordinal),
            _ => content.Trim().TrimStart('v'),
        };
    }

    /// <summary>What CircleCI sets up: the image's tag; node: cigen_install_node's version, else the image's; rust: the rustup steps first.</summary>
    public static string CircleCi(YamlMappingNode job, string tool, string root, string? directory)
    {
        var steps = ((YamlSequenceNode)job["steps"]).ToList();
        var image = Text((YamlMappingNode)((YamlSequenceNode)job["docker"])[0], "image")!;
        if (tool == "rust" && Rustup(steps.OfType<YamlMappingNode>().Select(s => s.Children.TryGetValue("run", out var run) && run is YamlMappingNode r ? Text(r, "command") : null), root, directory) is { } toolchain)
        {
            return toolchain;
        }

        if (tool == "node")
        {
            var install = steps.OfType<YamlMappingNode>().SingleOrDefault(s => s.Children.ContainsKey("cigen_install_node"));
            if (install is not null)
            {
                image.Should().NotContain("-node", "node is installed once");
                return Text((YamlMappingNode)install["cigen_install_node"], "version")!;
            }

            if (image.EndsWith("-node", StringComparison.Ordinal))
            {
                return "lts";
            }
        }

        var match = ImageTag().Match(image);
        match.Success.Should().BeTrue($"{image} is a convenience image");
        match.Groups["tool"].Value.Should().Be(tool == "dotnet" ? "dotnet/sdk" : tool);
        return match.Groups["tag"].Value;
    }

    /// <summary>The toolchain rustup makes the default: <c>rustup default X</c>, or the toolchain file a bare install reads.</summary>
    private static string? Rustup(IEnumerable<string?> scripts, string root, string? directory)
    {
        var script = string.Join('\n', scripts.OfType<string>());
        if (RustupDefault().Match(script) is { Success: true } match)
        {
            return match.Groups[1].Value;
        }

        return script.Contains("rustup toolchain install\n", StringComparison.Ordinal) || script.EndsWith("rustup toolchain install", StringComparison.Ordinal)
            ? ChannelLine().Match(File.ReadAllText(Path.Combine(root, directory ?? ".", "rust-toolchain.toml"))).Groups[1].Value
            : null;
    }

    /// <summary>Two spellings of one version: <c>lts/*</c> is CircleCI's <c>lts</c>; a .NET SDK line is its major.minor.</summary>
    public static bool Same(string tool, string one, string other) => Canonical(tool, one) == Canonical(tool, other);

    private static string Canonical(string tool, string version) => tool switch
    {
        "node" when version is "lts/*" => "lts",
        "dotnet" => string.Join('.', version.Split('.').Take(2)),
        _ => version,
    };

    private static string? Text(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(key, out var node) && node is YamlScalarNode scalar ? scalar.Value : null;

    [GeneratedRegex(@"^(?:cimg/|mcr\.microsoft\.com/)(?<tool>[a-z]+(?:/sdk)?):(?<tag>[^-]+)(?:-node)?$")]
    private static partial Regex ImageTag();

    [GeneratedRegex(@"rustup default '?([^'\s]+)'?")]
    private static partial Regex RustupDefault();

    [GeneratedRegex("channel\\s*=\\s*\"([^\"]+)\"")]
    private static partial Regex ChannelLine();

    [GeneratedRegex(@"(?m)^go ([0-9.]+)")]
    private static partial Regex GoLine();

    [GeneratedRegex("\"version\"\\s*:\\s*\"([^\"]+)\"")]
    private static partial Regex SdkVersion();
}
