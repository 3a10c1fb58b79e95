using System.Diagnostics;
using CIGen.Protocol;
using CIGen.Provider.GitHub.Rendering;
using CIGen.Provider.GitHub.Tests.Fixtures;
using CIGen.Testing.Meaning;
using YamlDotNet.RepresentationModel;

namespace CIGen.Provider.GitHub.Tests.Rendering;

/// <summary>
/// The injected package and cache steps of <see cref="CachingSample"/>, read back as YAML; and hand-written
/// restore_cache / save_cache steps. (The provider case <c>caching</c> renders such steps from a real config: Golden/caching.)
/// </summary>
public class CachingTests
{
    private static readonly SourceLocation HandWritten = G.At(".cigen/workflows/ci/jobs/test.yml", 10, 5);

    private static List<YamlMappingNode> Steps(string workflow)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(workflow));
        var jobs = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["jobs"];
        return [.. ((YamlSequenceNode)((YamlMappingNode)jobs.Children.Single().Value)["steps"]).Cast<YamlMappingNode>()];
    }

    private static string? Get(YamlMappingNode step, params string[] path)
    {
        YamlNode node = step;
        foreach (var key in path)
        {
            if (node is not YamlMappingNode mapping || !mapping.Children.TryGetValue(key, out var child))
            {
                return null;
            }

            node = child;
        }

        return ((YamlScalarNode)node).Value;
    }

    private static int IndexOf(List<YamlMappingNode> steps, string name) => steps.FindIndex(s => Get(s, "name") == name);

    [Fact]
    public void Restores_before_the_installs_and_saves_after_the_users_steps()
    {
        var steps = Steps(Render.SingleAsRun(CachingSample.Graph()));

        var names = steps.Select(s => Get(s, "name") ?? Get(s, "uses")).ToList();
        names.Should().Equal(
            "actions/checkout@v4", "Set up Ruby", "Set up Node.js", "Enable pnpm", "Compute cache keys",
            "Restore gems cache", "Restore node_modules cache", "Install gems", "Install pnpm dependencies", "Test");
        IndexOf(steps, "Restore gems cache").Should().BeLessThan(IndexOf(steps, "Install gems"));
        IndexOf(steps, "Restore node_modules cache").Should().BeLessThan(IndexOf(steps, "Install pnpm dependencies"));
        // actions/cache saves in its post step, after every step of the job.
        steps.Where(s => Get(s, "name")?.StartsWith("Restore ", StringComparison.Ordinal) == true).Should().OnlyContain(s => Get(s, "uses") == "actions/cache@v4");
    }

    [Theory]
    [InlineData("gems", "ruby", "bundler", "'Gemfile', 'Gemfile.lock'", "3.3.5", "2.5.6")]
    [InlineData("node_modules", "node", "pnpm", "'package.json', 'pnpm-lock.yaml'", "20.11.0", "9.1.0")]
    public void Restores_by_the_full_key_then_by_the_key_without_its_checksum(string cache, string tool, string manager, string files, string toolVersion, string managerVersion)
    {
        var steps = Steps(Render.SingleAsRun(CachingSample.Graph()));
        var restore = steps.Single(s => Get(s, "name") == $"Restore {cache} cache");
        var keys = steps.Single(s => Get(s, "name") == "Compute cache keys");

        // The key's values and the text between them are one value the runtime joins (the host's `<cache>_key`): the key
        // without its checksum.
        var restoreKey = Get(restore, "with", "restore-keys")!;
        restoreKey.Should().Be($"${{{{ fromJSON(steps.cigen_keys.outputs.json).{cache}_key }}}}");
        Get(restore, "uses").Should().Be("actions/cache@v4");
        Get(restore, "id").Should().Be($"cigen_restore_{cache}");
        Get(restore, "with", "key").Should().Be($"{restoreKey}${{{{ hashFiles({files}) }}}}");

        var values = RunKeys(keys).Values;
        var joined = GitHubExpression.Interpolate(restoreKey, new Dictionary<string, object?> { ["steps.cigen_keys.outputs.json"] = RuntimeActionRun.ToJson(values) });
        joined.Should().Be($"{values["os"]}-{values["os_version"]}-{values["arch"]}-{cache}-{tool}{toolVersion}-{manager}{managerVersion}-");
    }

    /// <summary>Runs the key_values step in a checkout with the sample's version files and fake tools.</summary>
    private static RuntimeActionRun.Result RunKeys(YamlMappingNode keys)
    {
        var directory = Directory.CreateTempSubdirectory("cigen-keys-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, ".ruby-version"), "3.3.5\n");
            File.WriteAllText(Path.Combine(directory.FullName, ".nvmrc"), "v20.11.0\n");
            var bin = Directory.CreateDirectory(Path.Combine(directory.FullName, "bin"));
            foreach (var (tool, output) in new[] { ("bundle", "Bundler version 2.5.6"), ("pnpm", "9.1.0") })
            {
                File.WriteAllText(Path.Combine(bin.FullName, tool), $"#!/bin/bash\necho '{output}'\n");
                CIGen.Testing.ShellRun.Run("chmod", ["+x", Path.Combine(bin.FullName, tool)], directory.FullName).ExitCode.Should().Be(0);
            }

            var run = RuntimeActionRun.Run(keys, new Dictionary<string, object?>(), directory.FullName, path: $"{bin.FullName}:/usr/bin:/bin");
            run.ExitCode.Should().Be(0, run.Errors);
            return run;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Lists_several_paths_one_per_line()
    {
        var restore = Steps(Render.SingleAsRun(CachingSample.Graph())).Single(s => Get(s, "name") == "Restore gems cache");

        Get(restore, "with", "path").Should().Be("vendor/bundle\n.bundle\n");
    }

    [Fact]
    public void Saves_an_automatic_cache_under_the_restored_key_only_when_it_missed()
    {
        var result = Render.Graph(CachingSample.Graph());
        var job = Steps(Render.Single(CachingSample.Graph()));
        var restore = Steps(Render.SingleAsRun(CachingSample.Graph())).Single(s => Get(s, "name") == "Restore gems cache");

        // actions/cache's post step saves under the key it restored by, when that key missed and the job succeeded:
        // what a save step after the job's own steps did, so the job has none.
        Get(restore, "uses").Should().Be("actions/cache@v4");
        Get(restore, "with", "path").Should().Be("vendor/bundle\n.bundle\n");
        job.Should().NotContain(s => Get(s, "name") != null && Get(s, "name")!.StartsWith("Save ", StringComparison.Ordinal));
        job.Select(s => Get(s, "uses")).Should().Contain("./.github/actions/cigen-ruby-node");
        result.Files.Select(f => f.Path).Should().Contain(".github/actions/cigen-ruby-node/action.yml");
    }

    [Fact]
    public void Computes_the_key_values_with_the_runtime_action_and_outputs_them_as_one_json_object()
    {
        var keys = Steps(Render.SingleAsRun(CachingSample.Graph())).Single(s => Get(s, "name") == "Compute cache keys");

        Get(keys, "id").Should().Be(CachingSample.KeyValuesId);
        Get(keys, "uses").Should().Be(RuntimeAction.Uses);
        Get(keys, "with", "operation").Should().Be("keys");
        Get(keys, "with", "spec").Should().StartWith("tool ruby\nfile .ruby-version\ncommand 'ruby --version'\n")
            .And.NotContain("digest", "GitHub checksums files with hashFiles");
        var values = RunKeys(keys).Values;

        values["ruby"].Should().Be("3.3.5");
        values["node"].Should().Be("20.11.0");
        values["pnpm"].Should().Be("9.1.0");
        values.Keys.Should().NotContain("files_gems");
    }

    [Fact]
    public void Gives_injected_bash_steps_their_shell()
    {
        var install = Steps(Render.SingleAsRun(CachingSample.Graph())).Single(s => Get(s, "name") == "Install gems");

        Get(install, "shell").Should().Be("bash");
    }

    [Fact]
    public void A_hand_written_restore_without_paths_is_an_error_naming_the_step()
    {
        var restore = G.RestoreCache("deps-{{ checksum \"yarn.lock\" }}") with
        {
            Name = "Restore deps",
            CacheKeys = [Key(Literal("deps-"), new KeyPart.Checksum(["yarn.lock"]))],
        };

        var result = Render.Graph(G.Graph(G.Workflow("ci", G.Job("test", restore, G.Run("yarn")))));

        result.Diagnostics.Should().ContainSingle().Which.Should().Be(new Diagnostic(
            Severity.Error,
            DiagnosticCodes.CacheNeedsPaths,
            "restore_cache step 'Restore deps' has no paths, and GitHub's cache actions need the paths the cache entry holds "
            + "(those of the save_cache step that writes it); add `paths:` to the step",
            ".cigen/workflows/ci/jobs/test.yml", 10, 5, "ci", "test"));
    }

    [Fact]
    public void A_matrix_part_reads_the_running_legs_value_and_a_value_with_a_comma_is_an_error()
    {
        Job Matrix(params string[] targets) => G.Job(
            "cross",
            G.RestoreCache("x") with { Name = "Restore out", Paths = ["target"], CacheKeys = [Key(Literal("out("), new KeyPart.Matrix("target"), Literal(")"))] },
            G.Run("cargo build")) with
        {
            Matrix = [new MatrixDimension("target", [.. targets.Select(Scalar.String)])],
            MatrixLegs = [.. targets.Select(t => CIGen.Testing.MatrixSample.Leg(t.Replace(',', '_'), ("target", Scalar.String(t))))],
        };

        var valid = Render.Graph(G.Graph(G.Workflow("ci", Matrix("x86_64-unknown-linux-gnu", "aarch64-apple-darwin"))));
        var comma = Render.Graph(G.Graph(G.Workflow("ci", Matrix("a,b", "c"))));

        valid.Diagnostics.Should().BeEmpty();
        Get(Steps(valid.Files[0].Content).Single(s => Get(s, "name") == "Restore out"), "with", "key").Should().Be("out(${{ matrix.target }})");
        CIGen.Testing.Validators.AssertValidGitHubWorkflows(valid.Files);
        comma.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Severity == Severity.Error && d.Code == DiagnosticCodes.InvalidStep && d.Job == "cross"
            && d.Message.Contains("matrix value `target`") && d.Message.Contains("`a,b` has a comma"));
    }

    [Fact]
    public void Renders_a_hand_written_restore_with_every_key_in_lookup_order()
    {
        var restore = G.RestoreCache("v1-deps-{{ .Branch }}-{{ checksum \"yarn.lock\" }}", "v1-deps-{{ .Branch }}-", "v1-deps-") with
        {
            Paths = ["node_modules"],
            CacheKeys =
            [
                Key(Literal("v1-deps-"), new KeyPart.Branch(), Literal("-"), new KeyPart.Checksum(["yarn.lock"])),
                Key(Literal("v1-deps-"), new KeyPart.Branch(), Literal("-")),
                Key(Literal("v1-deps-")),
            ],
        };

        Render.Steps(Render.Jobs(G.Job("test", restore) with { Checkout = false })).Should().Be(
            """
                steps:
                  - uses: actions/cache/restore@v4
                    with:
                      path: node_modules
                      key: v1-deps-${{ github.ref_name }}-${{ hashFiles('yarn.lock') }}
                      restore-keys: |
                        v1-deps-${{ github.ref_name }}-
                        v1-deps-

            """);
    }

    [Fact]
    public void Renders_a_hand_written_save_with_its_key_paths_and_condition()
    {
        var save = G.SaveCache("gradle-{{ arch }}-{{ epoch }}", "~/.gradle/caches", "~/.gradle/wrapper") with
        {
            Name = "Save Gradle",
            If = "${{ github.ref == 'refs/heads/main' }}",
            CacheKey = Key(Literal("gradle-"), new KeyPart.Arch(), Literal("-"), new KeyPart.Epoch()),
        };

        Render.Steps(Render.Jobs(G.Job("test", G.Run("./gradlew build"), save) with { Checkout = false })).Should().Be(
            """
                steps:
                  - run: ./gradlew build
                  - name: Save Gradle
                    if: ${{ github.ref == 'refs/heads/main' }}
                    uses: actions/cache/save@v4
                    with:
                      path: |
                        ~/.gradle/caches
                        ~/.gradle/wrapper
                      key: gradle-${{ runner.os }}-${{ runner.arch }}-${{ github.run_id }}-${{ github.run_attempt }}

            """);
    }

    [Fact]
    public void Renders_a_parsed_save_condition_as_other_steps_conditions()
    {
        var save = G.SaveCache("k", "out") with
        {
            If = "failure()",
            Condition = new Condition.Status(ConditionStatus.Failure),
            CacheKey = Key(Literal("k")),
        };

        Render.Steps(Render.Jobs(G.Job("test", save) with { Checkout = false })).Should().Contain("if: failure()");
    }

    [Fact]
    public void A_hand_written_save_without_paths_is_an_error()
    {
        var save = G.SaveCache("k") with { CacheKey = Key(Literal("k")) };

        Render.Graph(G.Graph(G.Workflow("ci", G.Job("test", save)))).Diagnostics.Should().ContainSingle()
            .Which.Message.Should().StartWith("save_cache step with key 'k' has no paths").And.EndWith("add `paths:` to the step");
    }

    [Fact]
    public void Takes_each_key_text_as_one_literal_when_the_host_sends_no_parsed_keys()
    {
        var restore = G.RestoreCache("v2-${{ runner.os }}", "v2-") with { Paths = ["out"] };

        Render.Steps(Render.Jobs(G.Job("test", restore) with { Checkout = false })).Should().Contain(
            "      key: v2-${{ '${{' }} runner.os }}\n          restore-keys: v2-\n");
    }

    [Fact]
    public void Hand_written_cache_steps_and_a_literal_expression_opener_pass_the_validators()
    {
        var restore = G.RestoreCache("x") with
        {
            Id = "deps",
            Paths = ["node_modules", "~/.npm"],
            CacheKeys = [Key(Literal("odd-${{ github.token }}-"), new KeyPart.Revision(), Literal("-"), new KeyPart.Env("CACHE_V"))],
        };
        var save = G.SaveCache("x", "node_modules") with
        {
            If = "always()",
            Condition = new Condition.Status(ConditionStatus.Always),
            CacheKey = Key(Literal("odd-${{ github.token }}-"), new KeyPart.Branch(), Literal("-"), new KeyPart.Epoch(), new KeyPart.Arch()),
        };

        var job = G.Job("test", restore, G.Run("npm ci"), save) with { Env = G.Env(("CACHE_V", "3")) };

        var result = Render.Graph(G.Graph(G.Workflow("ci", job)));

        result.Diagnostics.Should().BeEmpty();
        Validators.AssertValidGitHubWorkflows(result.Files);
    }

    private static (string Stdout, int ExitCode) Bash(string script, string githubOutput)
    {
        var start = new ProcessStartInfo("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment["GITHUB_OUTPUT"] = githubOutput;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (stdout, process.ExitCode);
    }

    private static CacheKey Key(params KeyPart[] parts) => new() { Parts = parts };

    private static KeyPart Literal(string text) => new KeyPart.Literal(text);
}
