using CIGen.Protocol;
using CIGen.Provider.CircleCI.Rendering;
using CIGen.Provider.CircleCI.Tests.Fixtures;
using YamlDotNet.RepresentationModel;

namespace CIGen.Provider.CircleCI.Tests.Rendering;

/// <summary>The steps the host injects for packages and caches, rendered from <see cref="CachingSample"/> and read back.</summary>
public class CachingTests
{
    private static readonly SourceLocation StepSource = G.At(".cigen/workflows/ci/jobs/test.yml", 9, 5);

    /// <summary>The job's steps, cigen's commands inlined.</summary>
    private static YamlSequenceNode Steps(string config) => (YamlSequenceNode)((YamlMappingNode)StepRunner.Jobs(config)["test"])["steps"];

    private static string KindOf(YamlNode step) => step is YamlScalarNode scalar ? scalar.Value! : ((YamlMappingNode)step).Children.Keys.Cast<YamlScalarNode>().Single().Value!;

    private static YamlMappingNode Settings(YamlNode step) => (YamlMappingNode)((YamlMappingNode)step).Children.Values.Single();

    private static string Text(YamlMappingNode mapping, string key) => ((YamlScalarNode)mapping[key]).Value!;

    private static YamlMappingNode Named(string config, string name) =>
        Steps(config).OfType<YamlMappingNode>().Select(Settings).Single(s => s.Children.ContainsKey("name") && Text(s, "name") == name);

    private static IEnumerable<string?> Texts(YamlNode sequence) => ((YamlSequenceNode)sequence).Cast<YamlScalarNode>().Select(k => k.Value);

    private static string NameOf(YamlNode step) => step is YamlMappingNode && Settings(step).Children.ContainsKey("name") ? Text(Settings(step), "name") : KindOf(step);

    [Fact]
    public void Renders_the_sample_without_diagnostics_restoring_before_the_installs_and_saving_after_the_users_steps()
    {
        var result = Render.Graph(CachingSample.Graph());

        result.Diagnostics.Should().BeEmpty("the ids of injected steps are not the user's");
        // Ruby's setup renders nothing (the image has it); node 20.11.0 of .nvmrc is no image's, so the job installs it.
        Steps(result.Files[0].Content).Select(s => $"{KindOf(s)}: {NameOf(s)}").Should().Equal(
            "checkout: checkout",
            "run: Install Node.js 20.11.0",
            "run: Enable pnpm",
            "run: Compute cache keys",
            "restore_cache: Restore gems cache",
            "restore_cache: Restore node_modules cache",
            "run: Install gems",
            "run: Install pnpm dependencies",
            "run: Test",
            "save_cache: Save gems cache",
            "save_cache: Save node_modules cache");
    }

    [Fact]
    public void Restores_with_the_full_key_then_the_key_without_its_checksum_and_saves_under_the_full_key()
    {
        var steps = Steps(Render.Config(CachingSample.Graph()));
        var restores = steps.Where(s => KindOf(s) == "restore_cache").Select(Settings).ToList();
        var saves = steps.Where(s => KindOf(s) == "save_cache").Select(Settings).ToList();

        foreach (var (restore, save, cache) in restores.Zip(saves, ["gems", "node_modules"]))
        {
            var keys = ((YamlSequenceNode)restore["keys"]).Cast<YamlScalarNode>().Select(k => k.Value!).ToList();
            var checksum = $"{{{{ checksum \"/tmp/cigen/key-values/files_{cache}\" }}}}";
            keys.Should().HaveCount(2);
            keys[0].Should().Be($"{{{{ checksum \"/tmp/cigen/key-values/{cache}_key\" }}}}{checksum}", "the key's prefix is one value the host joined");
            keys[1].Should().Be(keys[0][..^checksum.Length]);
            Text(save, "key").Should().Be(keys[0]);
            save.Children.Should().NotContainKey("when", "an automatic save runs on success, CircleCI's default");
            restore.Children.Should().NotContainKey("paths", "CircleCI restores an entry's paths as they were saved");
        }

        ((YamlSequenceNode)saves[0]["paths"]).Cast<YamlScalarNode>().Select(p => p.Value).Should().Equal("vendor/bundle", ".bundle");
    }

    [Fact]
    public void Runs_injected_bash_steps_with_the_shell_every_bash_step_gets()
    {
        var install = Named(Render.Config(CachingSample.Graph()), "Install gems");

        Text(install, "shell").Should().Be("bash -eo pipefail");
        Text(install, "command").Should().Be("bundle config set --local path vendor/bundle\nbundle install --jobs 4 --retry 3");
    }

    [Fact]
    public void The_key_values_step_runs_the_runtime_and_keeps_each_value_in_a_file_of_its_name()
    {
        var keyValues = Named(Render.Config(CachingSample.Graph()), "Compute cache keys");
        var spec = Text((YamlMappingNode)keyValues["environment"], "CIGEN_SPEC");
        spec.Should().StartWith("tool ruby\nfile .ruby-version\ncommand 'ruby --version'\ntool bundler\n")
            .And.Contain("digest files_gems\ninclude Gemfile\ninclude 'Gemfile\\.lock'\n")
            .And.Contain("join gems_key value=os text=- value=os_version text=- value=arch text=-gems-ruby value=ruby text=-bundler value=bundler text=-\n");
        using var runner = new StepRunner();
        runner.Write(".ruby-version", "3.3.5\n");
        runner.Write(".nvmrc", "v20.11.0\n");
        runner.Write("package.json", "{\"packageManager\": \"pnpm@9.1.0\"}\n");
        runner.Write("Gemfile", "source 'https://rubygems.org'\n");
        runner.Write("Gemfile.lock", "GEM\n");
        runner.Write("pnpm-lock.yaml", "lockfileVersion: '9.0'\n");
        runner.Stub("bundle", "echo 'Bundler version 2.5.6'\n");

        var run = runner.Run(new YamlMappingNode(new YamlScalarNode("run"), keyValues));

        run.ExitCode.Should().Be(0, run.Error);
        var gems = ShellRun.Bash("LC_ALL=C sha256sum Gemfile Gemfile.lock | sha256sum | cut -d' ' -f1", runner.Repository, null).Text.Trim();
        string Value(string name) => File.ReadAllText(runner.StateFile($"key-values/{name}"));
        foreach (var (name, value) in new[] { ("os", "linux"), ("ruby", "3.3.5"), ("bundler", "2.5.6"), ("node", "20.11.0"), ("pnpm", "9.1.0"), ("files_gems", gems) })
        {
            Value(name).Should().Be(value + "\n", name);
        }

        Value("gems_key").Should().Be($"linux-{Value("os_version").Trim()}-{Value("arch").Trim()}-gems-ruby3.3.5-bundler2.5.6-\n");
        run.Output.Should().Contain("ruby=3.3.5\n").And.Contain($"files_gems={gems}\n");
        Directory.EnumerateFiles(runner.StateFile("key-values")).Select(Path.GetFileName).Should().BeEquivalentTo(
            ["os", "os_version", "arch", "ruby", "bundler", "node", "pnpm", "files_gems", "files_node_modules", "gems_key", "node_modules_key"]);
    }

    [Fact]
    public void Keeps_the_key_text_of_a_host_that_sends_no_parts()
    {
        var steps = Steps(Render.Jobs(G.Job("test", G.RestoreCache("deps-{{ checksum \"lock\" }}", "deps-"), G.SaveCache("deps-{{ checksum \"lock\" }}", "vendor"))));

        Texts(Settings(steps[0])["keys"]).Should().Equal("deps-{{ checksum \"lock\" }}", "deps-");
        Text(Settings(steps[1]), "key").Should().Be("deps-{{ checksum \"lock\" }}");
    }

    [Fact]
    public void Spells_the_parts_of_hand_written_keys_and_keeps_a_save_steps_condition()
    {
        KeyPart[] parts =
        [
            new KeyPart.Literal("v1-<<x-"),
            new KeyPart.Branch(),
            new KeyPart.Literal("-"),
            new KeyPart.Checksum(["Cargo.lock"]),
        ];
        var restore = G.RestoreCache("ignored") with { CacheKeys = [new CacheKey { Parts = parts }, new CacheKey { Parts = parts[..2] }] };
        var save = G.SaveCache("ignored", "target") with { CacheKey = new CacheKey { Parts = parts }, If = "failure()" };

        var steps = Steps(Render.Jobs(G.Job("test", restore, save)));

        // `<<` is escaped as CircleCI documents (`\<<`), once, for the whole document.
        Texts(Settings(steps[0])["keys"]).Should().Equal("v1-\\<<x-{{ .Branch }}-{{ checksum \"Cargo.lock\" }}", "v1-\\<<x-{{ .Branch }}");
        Text(Settings(steps[1]), "key").Should().Be("v1-\\<<x-{{ .Branch }}-{{ checksum \"Cargo.lock\" }}");
        Text(Settings(steps[1]), "when").Should().Be("on_fail");
        Texts(Settings(steps[1])["paths"]).Should().Equal("target");
    }

    [Fact]
    public void Reports_a_checksum_of_several_files_without_a_value_as_an_error_at_the_step()
    {
        var key = new CacheKey { Parts = [new KeyPart.Checksum(["a.lock", "b.lock"])] };
        var job = G.Job("test", G.SaveCache("x", "vendor") with { CacheKey = key, Source = StepSource });

        var diagnostic = Render.Diagnostics(job).Should().ContainSingle().Subject;

        diagnostic.Should().Match<Diagnostic>(d => d.Severity == Severity.Error && d.Code == "circleci.invalid-step" && d.Line == 9 && d.Job == "test");
        diagnostic.Message.Should().StartWith("step 1 of job `test` of workflow `ci` has a cache key CircleCI cannot spell: the checksum of `a.lock`, `b.lock`");
    }

    [Fact]
    public void Reports_a_key_values_step_whose_names_are_no_file_names()
    {
        var step = new KeyValuesStep { KeyValues = [new KeyValue.Tool("a/b", [])], Source = StepSource };

        Render.Diagnostics(G.Job("test", G.Run("x"), step)).Should().ContainSingle(d => d.Code == "circleci.invalid-step" && d.Message.Contains("key_values"));
    }

    [Fact]
    public void Renders_packages_and_caches_without_a_not_supported_warning()
    {
        var job = G.Job("test", G.Run("make")) with { Packages = [CachingSample.Ruby()], Cache = ["gems"] };

        Render.Diagnostics(job).Should().BeEmpty();
    }
}
