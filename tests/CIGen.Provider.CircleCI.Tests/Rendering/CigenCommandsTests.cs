using CIGen.Protocol;
using CIGen.Provider.CircleCI.Rendering;
using CIGen.Provider.CircleCI.Tests.Fixtures;
using CIGen.Provider.Sdk.Runtime;
using CIGen.Testing.Validation;
using CIGen.Testing.Validation.CircleCi;
using YamlDotNet.RepresentationModel;
using static CIGen.Provider.CircleCI.Tests.Fixtures.StepRunner;

namespace CIGen.Provider.CircleCI.Tests.Rendering;

/// <summary>
/// Issue 11, item 1: cigen's shell is written once per config — the runtime as the command <c>cigen_runtime</c>, the
/// skip steps as <c>cigen_skip_if_unchanged</c> and <c>cigen_record_skip_marker</c>, each only when a job uses it — and
/// a config never repeats a long script.
/// </summary>
public sealed class CigenCommandsTests
{
    [Fact]
    public void The_runtime_is_one_command_used_by_every_job_that_needs_it()
    {
        var graph = G.Graph(G.Workflow("ci", CachingSample.Test(), SkippingSample.Lint(SkippingSample.Native()), CachingSample.Test() with { Id = "test2" }));

        var config = Render.Config(graph);

        Commands(config).Should().StartWith([NodeInstall.CommandName, RuntimeCommand.Name, SkipCommands.StartName, SkipCommands.RecordName]);
        config.Split("cigen_runtime() (").Should().HaveCount(2, "the runtime's text is in the config once");
        config.Split(SkipCommand.StepName).Should().HaveCount(2);
        // Read as CircleCI runs the jobs, every command but the runtime in place (test and test2 share their steps in one).
        var jobs = Load(CIGen.Testing.Meaning.CircleCiCommands.Inline(config, name => name != RuntimeCommand.Name))["jobs"];
        foreach (var job in new[] { "test", "lint", "test2" })
        {
            Steps((YamlMappingNode)jobs, job).Should().Contain(s => KindOf(s) == RuntimeCommand.Name, job);
        }
    }

    [Fact]
    public void A_config_without_caches_or_skipping_defines_none_of_them()
    {
        var config = Render.Config(G.Graph(G.Workflow("ci", G.Job("build", G.Checkout(), G.Run("make")))));

        Load(config).Children.Should().NotContainKey(new YamlScalarNode("commands"));
    }

    [Fact]
    public void The_skip_command_is_written_only_when_a_job_halts()
    {
        // The continued pipeline of a dynamic config hashes and records, but its setup job decided already.
        var result = Render.Graph(DynamicConfig.Of(SkippingSample.Graph(SkippingSample.Native())));

        Commands(result.Files[0].Content).Should().Equal(RuntimeCommand.Name);
        Commands(result.Files[1].Content).Should().Equal(RuntimeCommand.Name);
    }

    [Fact]
    public void Only_the_parameters_some_use_passes_are_declared()
    {
        var native = Parameters(Render.Config(SkippingSample.Graph(SkippingSample.Native())));
        var redis = Parameters(Render.Config(SkippingSample.Graph(SkippingSample.Redis())));

        native.Should().Equal("name", "operation", "spec");
        redis.Should().Equal("name", "operation", "spec", "backend", "backend_env", "marker");
    }

    [Fact]
    public void A_use_whose_backend_settings_differ_from_the_default_passes_its_own()
    {
        var other = SkippingSample.Redis() with { Name = "other", Env = G.Env(("CIGEN_REDIS_URL", "redis://other:6379")), EnvReferences = new() };
        var graph = G.Graph(G.Workflow("ci",
            SkippingSample.Lint(SkippingSample.Redis()),
            SkippingSample.Lint(SkippingSample.Redis()) with { Id = "lint2" },
            SkippingSample.Lint(other) with { Id = "lint3" }));

        // The runtime's uses are in the skip commands, one pair per backend: read as CircleCI runs them.
        var config = CIGen.Testing.Meaning.CircleCiCommands.Inline(Render.Config(graph), name => name.StartsWith(SkipCommands.StartName, StringComparison.Ordinal));
        var jobs = (YamlMappingNode)Load(config)["jobs"];

        Arguments(jobs, "lint").Should().NotContainKey("backend_env");
        Arguments(jobs, "lint2").Should().NotContainKey("backend_env");
        Arguments(jobs, "lint3")["backend_env"].Should().Be("CIGEN_REDIS_URL=redis://other:6379\n");
    }

    [Fact]
    public void A_user_command_with_the_runtimes_name_is_an_error()
    {
        var graph = CachingSample.Graph() with { Commands = [G.Command(RuntimeCommand.Name, G.Run("echo mine"))] };
        graph = graph with { Workflows = [graph.Workflows[0] with { Jobs = [.. graph.Workflows[0].Jobs, G.Job("uses", G.UseCommand(RuntimeCommand.Name))] }] };

        Render.Graph(graph).Diagnostics.Should().Contain(d => d.Severity == Severity.Error && d.Message.Contains("cigen's runtime"));
    }

    [Fact]
    public void A_long_run_step_several_jobs_run_is_written_once_as_a_command()
    {
        var script = "a\nb\nc\nd\ne\nf\n";
        var graph = G.Graph(G.Workflow("ci",
            G.Job("one", G.Run(script, "Build it"), G.Run("x\ny\nz\nv\nw\n", "Short")),
            G.Job("two", G.Run(script, "Build it"), G.Run("x\ny\nz\nv\nq\n", "Short"))));

        var config = Render.Config(graph);

        Commands(config).Should().Equal("build_it");
        var jobs = (YamlMappingNode)Load(config)["jobs"];
        Steps(jobs, "one").Select(NameOf).Should().Equal("build_it", "Short");
        Steps(jobs, "two").Select(NameOf).Should().Equal("build_it", "Short");
        config.Split("\n            f\n").Should().HaveCount(2);
    }

    [Fact]
    public void A_run_of_steps_several_jobs_have_alike_is_one_command_named_after_its_last_named_step()
    {
        Step[] setup = [G.Run("./prepare.sh", "Prepare"), G.Run("npm ci", "Install dependencies")];
        var graph = G.Graph(G.Workflow("ci",
            G.Job("lint", [G.Checkout(), .. setup, G.Run("npm run lint")]),
            G.Job("test", [G.Checkout(), .. setup, G.Run("npm test")]),
            G.Job("build", [G.Checkout(), .. setup, G.Run("npm run build")])));

        var config = Render.Config(graph);

        Commands(config).Should().Equal("install_dependencies");
        var jobs = (YamlMappingNode)Load(config)["jobs"];
        Steps(jobs, "lint").Select(KindOf).Should().Equal("checkout", "install_dependencies", "run");
        var pipeline = new CIGen.Testing.Meaning.CircleCiPipeline("main", "");
        pipeline.RunCommands(config, "test").Should().Equal("./prepare.sh", "npm ci", "npm test");
        pipeline.RunCommands(config, "build").Should().Equal("./prepare.sh", "npm ci", "npm run build");
    }

    [Fact]
    public void Steps_that_repeat_too_little_to_save_a_line_stay_in_their_jobs()
    {
        var graph = G.Graph(G.Workflow("ci",
            G.Job("lint", G.Checkout(), G.Run("npm ci"), G.Run("npm run lint")),
            G.Job("test", G.Checkout(), G.Run("npm ci"), G.Run("npm test"))));

        Commands(Render.Config(graph)).Should().BeEmpty();
    }

    [Fact]
    public void The_runtime_file_and_the_providers_scripts_pass_shellcheck_with_every_check()
    {
        var scripts = new[] { ("cigen-runtime.sh", CigenRuntime.Script), ("runtime-step", RuntimeCommand.Script(CIGen.Provider.Sdk.Runtime.RuntimeParts.All)), ("skip-if-unchanged", SkipCommand.HaltScript) }
            .Select(s => new RunScript(s.Item1, s.Item1, 1, "bash", s.Item2, 1, 1));

        Shellcheck.Run(scripts).Should().BeEmpty();
    }

    public static TheoryData<string> GoldenConfigs() => [.. AllGoldenConfigs()];

    /// <summary>Every CircleCI config and continuation the tests keep as golden files.</summary>
    private static IEnumerable<string> AllGoldenConfigs() =>
        new[] { "tests/CIGen.Provider.CircleCI.Tests/Golden", "tests/CIGen.EndToEnd.Tests/Golden" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, d), "*", SearchOption.AllDirectories))
            .Where(f => f.Contains("/.circleci/", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f))
            .Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(GoldenConfigs))]
    public void No_golden_config_repeats_a_script_longer_than_five_lines(string path)
    {
        var scripts = CircleCiRunScripts.Extract(path, File.ReadAllText(Path.Combine(RepositoryPaths.Root, path)));

        scripts.Where(s => s.Script.Split('\n').Count(l => !string.IsNullOrWhiteSpace(l)) > RepeatedScripts.MaxLines)
            .GroupBy(s => s.Script).Where(g => g.Count() > 1)
            .Select(g => $"{g.Count()}x at lines {string.Join(", ", g.Select(s => s.FirstLine))}: {g.Key.Split('\n')[0]}")
            .Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(GoldenConfigs))]
    public void No_line_of_a_real_projects_or_examples_config_is_longer_than_200_characters(string path)
    {
        if (!path.Contains("/real/", StringComparison.Ordinal) && !path.Contains("/examples/", StringComparison.Ordinal))
        {
            return;
        }

        File.ReadAllLines(Path.Combine(RepositoryPaths.Root, path)).Select((l, i) => (Line: i + 1, l.Length)).Where(l => l.Length > 200)
            .Should().BeEmpty();
    }

    private static IReadOnlyList<string> Commands(string config) =>
        Load(config).Children.TryGetValue(new YamlScalarNode("commands"), out var commands)
            ? [.. ((YamlMappingNode)commands).Children.Keys.Cast<YamlScalarNode>().Select(k => k.Value!)]
            : [];

    private static IReadOnlyList<string> Parameters(string config) =>
        [.. ((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)Load(config)["commands"])[RuntimeCommand.Name])["parameters"]).Children.Keys.Cast<YamlScalarNode>().Select(k => k.Value!)];

    /// <summary>The arguments of the job's first use of the runtime with a backend.</summary>
    private static Dictionary<string, string> Arguments(YamlMappingNode jobs, string job) =>
        Steps(jobs, job).Where(s => KindOf(s) == RuntimeCommand.Name).Select(Settings).First(s => s.Children.ContainsKey(new YamlScalarNode("backend")))
            .Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => ((YamlScalarNode)e.Value).Value!);
}
