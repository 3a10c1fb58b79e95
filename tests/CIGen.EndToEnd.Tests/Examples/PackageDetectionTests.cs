using CIGen.Core.Generation;
using CIGen.EndToEnd.Tests.Support;
using CIGen.Protocol;
using CIGen.Testing.Meaning;
using CIGen.Testing;
using YamlDotNet.RepresentationModel;

namespace CIGen.EndToEnd.Tests.Examples;

/// <summary>
/// Packages detected in small repositories, through the real processes for both providers: each output passes the
/// validators, and the job's package steps and image follow from the repository's files.
/// </summary>
public sealed class PackageDetectionTests
{
    private const string Header = "providers: [github-actions, circleci]\nworkflows:\n  ci:\n    on:\n      push:\n        branches: [main]\n    jobs:\n";

    private static readonly (string, string)[] RustRepo =
    [
        ("Cargo.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n"),
        ("Cargo.lock", "version = 4\n"),
        ("rust-toolchain.toml", "[toolchain]\nchannel = \"1.85.0\"\n"),
    ];

    [Fact]
    public void A_job_placing_its_own_checkout_gets_the_rust_steps_right_after_it_on_both_providers()
    {
        var (github, circleci) = Generate(
            Header + "      build:\n        checkout: false\n        steps:\n"
            + "          - {name: Before the checkout, run: echo start}\n          - checkout\n          - {name: Build, run: cargo build --locked}\n",
            RustRepo);

        GitHubStepNames(github, "build").Should().StartWith(
            ["Before the checkout", "actions/checkout@v4", "Install the Rust toolchain", "Compute cache keys", "Restore cargo cache"]);
        GitHubStepNames(github, "build").Should().ContainInOrder("Fetch cargo dependencies", "Build");

        Image(circleci, "build").Should().Be("cimg/rust:1.85.0", "the detected rust package picks the image");
        CircleCiStepNames(circleci, "build").Should().StartWith(
            ["Before the checkout", "checkout", "Install the Rust toolchain", "Compute cache keys", "Restore cargo cache"]);
    }

    [Fact]
    public void A_uv_project_installs_with_uv_and_keys_its_cache_on_uv_lock_on_both_providers()
    {
        var (github, circleci) = Generate(
            Header + "      test:\n        steps:\n          - {name: Test, run: uv run pytest}\n",
            ("pyproject.toml", "[project]\nname = \"app\"\nversion = \"0.1.0\"\nrequires-python = \">=3.12\"\n\n[dependency-groups]\ndev = [\"pytest\"]\n"),
            ("uv.lock", "version = 1\nrequires-python = \">=3.12\"\n"),
            (".python-version", "3.12.7\n"));
        string[] order = ["Compute cache keys", "Restore uv cache", "Install uv dependencies", "Test", "Save uv cache"];

        // On GitHub actions/cache saves in its post step, after the job's own steps: the restore is the save too.
        GitHubStepNames(github, "test").Should().ContainInOrder(["actions/checkout@v4", "Set up Python", .. order[..^1]]).And.NotContain("Install pip dependencies");
        var steps = Steps(github, "test").Cast<YamlMappingNode>().ToList();
        Text(steps.Single(s => Text(s, "name") == "Install uv dependencies"), "run").Should().EndWith("\nuv sync --frozen");
        Text((YamlMappingNode)steps.Single(s => Text(s, "name") == "Restore uv cache").Children["with"], "key")
            .Should().Be("${{ fromJSON(steps.cigen_keys.outputs.json).uv_key }}${{ hashFiles('uv.lock', 'pyproject.toml') }}");

        Image(circleci, "test").Should().Be("cimg/python:3.12.7");
        CircleCiStepNames(circleci, "test").Should().ContainInOrder(["checkout", .. order]).And.NotContain("Install pip dependencies");
        var keyStep = Steps(circleci, "test").OfType<YamlMappingNode>().Select(s => (YamlMappingNode)s.Children.Values.Single())
            .Single(s => Text(s, "name") == "Compute cache keys");
        Text(keyStep, "spec").Should().Contain("digest files_uv\ninclude 'uv\\.lock'\ninclude 'pyproject\\.toml'\n", "the key's checksum covers uv.lock");
    }

    /// <summary>Generates the config in a fresh project holding the files; both outputs must pass the validators.</summary>
    private static (YamlMappingNode GitHub, YamlMappingNode CircleCi) Generate(string config, params (string Path, string Content)[] files)
    {
        using var project = new TempDirectory();
        project.Write("cigen.yml", config);
        foreach (var (path, content) in files)
        {
            project.Write(path, content);
        }

        using var output = new TempDirectory();
        var result = Cigen.Run(project.Path, ["generate", "--output", output.Path]);
        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        result.Error.Should().NotContain(" error ").And.NotContain(" warning ");
        var github = new OutputFile(".github/workflows/ci.yml", GitHubSetupActions.Inline(File.ReadAllText(output.Combine(".github", "workflows", "ci.yml")), GitHubSetupActions.Read(output.Path)));
        var circleci = new OutputFile(".circleci/config.yml", File.ReadAllText(output.Combine(".circleci", "config.yml")));
        Validators.AssertValidGitHubWorkflows([github]);
        Validators.AssertValidCircleCiConfigs([circleci]);
        return (Parse(github.Content), Parse(circleci.Content));
    }

    private static List<string?> GitHubStepNames(YamlMappingNode workflow, string job) =>
        [.. Steps(workflow, job).Cast<YamlMappingNode>().Select(s => Text(s, "name") ?? Text(s, "uses"))];

    /// <summary>A CircleCI step is <c>checkout</c> or a one-key mapping (<c>run:</c>, <c>restore_cache:</c>…) whose value has the name.</summary>
    private static List<string?> CircleCiStepNames(YamlMappingNode config, string job) =>
        [.. Steps(config, job).Select(s => s is YamlMappingNode map
            ? map.Children.Values.OfType<YamlMappingNode>().Select(inner => Text(inner, "name")).FirstOrDefault()
            : ((YamlScalarNode)s).Value)];

    private static string? Image(YamlMappingNode config, string job) =>
        Text((YamlMappingNode)((YamlSequenceNode)Job(config, job).Children["docker"]).Children[0], "image");

    private static IEnumerable<YamlNode> Steps(YamlMappingNode root, string job) => (YamlSequenceNode)Job(root, job).Children["steps"];

    private static YamlMappingNode Job(YamlMappingNode root, string job) => (YamlMappingNode)((YamlMappingNode)root.Children["jobs"]).Children[job];

    private static YamlMappingNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string? Text(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(key, out var node) && node is YamlScalarNode scalar ? scalar.Value : null;
}
