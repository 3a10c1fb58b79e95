using System.Text.RegularExpressions;
using CIGen.Core.Files;
using CIGen.Core.Generation;
using CIGen.EndToEnd.Tests.Support;
using CIGen.Protocol;
using CIGen.Testing.Meaning;
using CIGen.Testing;
using YamlDotNet.RepresentationModel;

namespace CIGen.EndToEnd.Tests.Examples;

/// <summary>
/// Issue 5's acceptance shape through the real processes: a Ruby app in <c>api/</c> beside a pnpm workspace at the
/// root, whose packages, directories, managers and versions cigen reads from the repository. Both providers restore before installing and save after the job's
/// own steps; keys follow <c>{os}-{os_version}-{arch}-{name}-{versions}-{checksum}</c>.
/// </summary>
public sealed partial class CachingConfigTests
{
    private const string Fixture = "tests/CIGen.EndToEnd.Tests/Fixtures/caching";

    private static IReadOnlyList<OutputFile> Generate()
    {
        using var output = new TempDirectory();
        var result = Cigen.Run(RepositoryPaths.Root, ["generate", "--config", $"{Fixture}/.cigen", "--output", output.Path]);
        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        result.Error.Should().NotContain(" error ").And.NotContain("[github]");
        return output.Files().Select(path => new OutputFile(path, File.ReadAllText(output.Combine(path)))).ToList();
    }

    [Fact]
    public void Both_outputs_match_their_golden_files_and_validate()
    {
        var files = Generate();

        files.Select(f => f.Path).Should().Equal(".circleci/cigen-runtime.sh", ".circleci/config.yml", ".github/actions/cigen-node/action.yml", ".github/actions/cigen-ruby/action.yml", ".github/actions/cigen/action.yml", ".github/actions/cigen/cigen-runtime.sh", ".github/workflows/ci.yml");
        foreach (var file in files)
        {
            Golden.AssertMatches(file.Content, $"caching/{file.Path}");
        }

        Validators.AssertValidGitHubWorkflows(files.Where(f => f.Path.StartsWith(".github/", StringComparison.Ordinal)));
        Validators.AssertValidCircleCiConfigs(files.Where(f => f.Path.StartsWith(".circleci/", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("rspec", new[] { "gems" }, "Install gems", "Run specs")]
    [InlineData("web", new[] { "node_modules" }, "Install pnpm dependencies", "Lint and test every package")]
    [InlineData("system", new[] { "gems", "node_modules" }, "Install pnpm dependencies", "Run system tests")]
    public void GitHub_restores_before_installing_and_saves_after_the_jobs_own_steps(string job, string[] caches, string install, string userStep)
    {
        var steps = GitHubSteps(job);
        var names = steps.Select(s => Text(s, "name") ?? Text(s, "uses") ?? "").ToList();

        foreach (var cache in caches)
        {
            names.IndexOf($"Restore {cache} cache").Should().BeInRange(names.IndexOf("Compute cache keys") + 1, names.IndexOf(install) - 1, "restore comes after the keys and before the install");
            // A save step after the job's own steps (a failed job saves nothing), or — the setup moved into a local
            // action — actions/cache, which saves in its post step, after the job's steps, only when the job succeeded.
            if (Text(steps[names.IndexOf($"Restore {cache} cache")], "uses") == "actions/cache@v4")
            {
                names.Should().NotContain($"Save {cache} cache");
            }
            else
            {
                names.IndexOf($"Save {cache} cache").Should().BeGreaterThan(names.IndexOf(userStep), "a failed job saves nothing");
            }

            var with = (YamlMappingNode)steps[names.IndexOf($"Restore {cache} cache")].Children["with"];
            var key = Text(with, "key")!;
            var restoreKey = Text(with, "restore-keys")!;
            // The key's fixed prefix is one value the host joins ({os}-{os_version}-{arch}-<cache>-…), then the checksum.
            key.Should().StartWith($"${{{{ fromJSON(steps.cigen_keys.outputs.json).{cache}_key }}}}${{{{ hashFiles(");
            Text((YamlMappingNode)steps.Single(s => Text(s, "id") == "cigen_keys").Children["with"], "spec").Should().MatchRegex($@"\btext[ =]-{cache}-");
            key.Should().EndWith("}}");
            restoreKey.Should().Be(key[..(key.LastIndexOf("${{ hashFiles(", StringComparison.Ordinal))], "the restore key drops only the checksum");
        }
    }

    [Fact]
    public void CircleCI_restores_before_installing_and_keys_on_the_runtime_values()
    {
        var config = (YamlMappingNode)Parse(CIGen.Testing.Meaning.CircleCiCommands.Inline(
            Generate().Single(f => f.Path == ".circleci/config.yml").Content, CIGen.Testing.Meaning.CircleCiCommands.IsNotCigens));
        var steps = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)config.Children["jobs"]).Children["system"]).Children["steps"])
            .Cast<YamlNode>().ToList();
        string? StepName(YamlNode step) => step is YamlMappingNode map
            ? map.Children.Values.OfType<YamlMappingNode>().Select(inner => Text(inner, "name")).FirstOrDefault()
            : ((YamlScalarNode)step).Value;
        var names = steps.Select(StepName).ToList();

        names.IndexOf("Restore gems cache").Should().BeLessThan(names.IndexOf("Install gems"));
        names.IndexOf("Save gems cache").Should().BeGreaterThan(names.IndexOf("Run system tests"));
        var restore = (YamlMappingNode)((YamlMappingNode)steps[names.IndexOf("Restore gems cache")]).Children["restore_cache"];
        var keys = ((YamlSequenceNode)restore.Children["keys"]).Select(k => ((YamlScalarNode)k).Value!).ToList();
        keys.Should().HaveCount(2);
        keys[0].Should().Be("{{ checksum \"/tmp/cigen/key-values/gems_key\" }}{{ checksum \"/tmp/cigen/key-values/files_gems\" }}");
        keys[1].Should().Be(keys[0][..(keys[0].LastIndexOf("{{", StringComparison.Ordinal))]);
    }

    /// <summary>
    /// The generated key step, run as CircleCI runs it (cigen's runtime command inlined, its environment set) on the
    /// fixture tree, keeps every value in its file; the joined prefix then reads as the issue spells the key.
    /// </summary>
    [Fact]
    public void The_circleci_key_step_keeps_the_values_and_the_keys_prefix_in_files()
    {
        var files = Generate();
        var content = files.Single(f => f.Path == ".circleci/config.yml").Content;
        var config = (YamlMappingNode)Parse(CIGen.Testing.Meaning.CircleCiCommands.Inline(content));
        var keyStep = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)config.Children["jobs"]).Children["system"]).Children["steps"])
            .OfType<YamlMappingNode>().Select(s => s.Children.Values.Single()).OfType<YamlMappingNode>().Single(s => Text(s, "name") == "Compute cache keys");
        using var state = new TempDirectory();
        var environment = new System.Text.StringBuilder();
        foreach (var (name, value) in ((YamlMappingNode)keyStep.Children["environment"]).Children)
        {
            environment.Append("export ").Append(((YamlScalarNode)name).Value).Append("='").Append(((YamlScalarNode)value).Value!.Replace("'", "'\\''", StringComparison.Ordinal)).Append("'\n");
        }

        var script = environment + CIGen.Testing.Meaning.CircleCiRuntimeFile.Moved(
            Text(keyStep, "command")!, files.Single(f => f.Path == ".circleci/cigen-runtime.sh").Content, state.Path);
        var run = ShellRun.Bash(script, Path.Combine(RepositoryPaths.Root, Fixture));

        run.ExitCode.Should().Be(0, run.StandardError);
        string Value(string name) => File.ReadAllText(Path.Combine(state.Path, "key-values", name)).TrimEnd('\n');
        Value("ruby").Should().Be("3.3.5");
        Value("gems_key").Should().Be($"{Value("os")}-{Value("os_version")}-{Value("arch")}-gems-ruby3.3.5-bundler{Value("bundler")}-");
        Value("files_gems").Should().MatchRegex("^[0-9a-f]{64}$");
    }

    /// <summary>
    /// The generated key step, run in bash on the fixture tree, finds every version in the repository's files and the
    /// same checksum digest the core computes; the key then reads as the issue spells it.
    /// </summary>
    [Fact]
    public void The_generated_key_step_reads_versions_and_digests_from_the_repository()
    {
        var steps = GitHubSteps("system");
        var keyStep = steps.Single(s => Text(s, "id") == "cigen_keys");
        using var action = new TempDirectory();
        var runtime = action.Write("cigen-runtime.sh", Generate().Single(f => f.Path == ".github/actions/cigen/cigen-runtime.sh").Content);
        var fixture = Path.Combine(RepositoryPaths.Root, Fixture);
        var with = (YamlMappingNode)keyStep.Children["with"];

        // As the runtime action runs it: the operation and its records from the step's inputs.
        var run = ShellRun.Run("env", ["CIGEN_SPEC=" + Text(with, "spec"), "bash", runtime, Text(with, "operation")!], fixture);

        run.ExitCode.Should().Be(0, run.StandardError);
        var values = run.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        values.Should().Contain("ruby", "3.3.5").And.Contain("bundler", "2.5.6").And.Contain("node", "20.11.0").And.Contain("pnpm", "9.1.0");
        values["arch"].Should().BeOneOf("x64", "arm64");
        values["os"].Should().Be("linux");
        values.Should().NotContainKey("files_gems", "GitHub checksums files with hashFiles");

        Text(steps.Single(s => Text(s, "name") == "Install gems"), "working-directory").Should().Be("api", "the Gemfile is in api/");
        var restore = (YamlMappingNode)steps.Single(s => Text(s, "name") == "Restore gems cache").Children["with"];
        var key = StepOutput().Replace(Text(restore, "key")!, m => values[m.Groups[1].Value]);
        key.Should().MatchRegex(@"^linux-[a-z]+[0-9.]*-(x64|arm64)-gems-ruby3\.3\.5-bundler2\.5\.6-\$\{\{ hashFiles\('api/Gemfile', 'api/Gemfile\.lock'\) \}\}$");
    }

    private static List<YamlMappingNode> GitHubSteps(string job)
    {
        var files = Generate();
        var workflow = (YamlMappingNode)Parse(GitHubSetupActions.Inline(files.Single(f => f.Path == ".github/workflows/ci.yml").Content, files));
        var jobs = (YamlMappingNode)workflow.Children["jobs"];
        return [.. ((YamlSequenceNode)((YamlMappingNode)jobs.Children[job]).Children["steps"]).Cast<YamlMappingNode>()];
    }

    private static YamlNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents[0].RootNode;
    }

    private static string? Text(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(key, out var node) && node is YamlScalarNode scalar ? scalar.Value : null;

    [GeneratedRegex(@"\$\{\{ fromJSON\(steps\.cigen_keys\.outputs\.json\)\.([a-z_0-9]+) \}\}")]
    private static partial Regex StepOutput();
}
