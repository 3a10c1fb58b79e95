using CIGen.Core.Generation;
using CIGen.EndToEnd.Tests.Support;
using CIGen.Protocol;
using CIGen.Testing;
using CIGen.Testing.Meaning;
using YamlDotNet.RepresentationModel;

namespace CIGen.EndToEnd.Tests.Examples;

/// <summary>
/// Cache scope through the real processes: a Rust CLI with jobs <c>build</c> and <c>lint</c> and a three-leg
/// cross-compilation matrix <c>cross</c>. On both providers each of the five jobs and legs restores and saves its
/// own <c>cargo_target</c> (target/), and all of them share one <c>cargo</c> cache (the downloaded crates).
/// </summary>
public sealed class CargoCacheScopeTests
{
    private const string Fixture = "tests/CIGen.EndToEnd.Tests/Fixtures/cargo";
    private static readonly string[] Targets = ["x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu", "x86_64-pc-windows-gnu"];

    private static readonly Lazy<IReadOnlyList<OutputFile>> Files = new(() =>
    {
        using var output = new TempDirectory();
        var result = Cigen.Run(RepositoryPaths.Root, ["generate", "--config", $"{Fixture}/cigen.yml", "--output", output.Path]);
        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        result.Error.Should().NotContain(" error ");
        return [.. output.Files().Select(path => new OutputFile(path, File.ReadAllText(output.Combine(path))))];
    });

    [Fact]
    public void Both_outputs_pass_the_validators()
    {
        Files.Value.Select(f => f.Path).Should().Equal(".circleci/cigen-runtime.sh", ".circleci/config.yml", ".github/actions/cigen-rust-2/action.yml", ".github/actions/cigen-rust/action.yml", ".github/actions/cigen/action.yml", ".github/actions/cigen/cigen-runtime.sh", ".github/workflows/ci.yml");
        Validators.AssertValidGitHubWorkflows(Files.Value.Where(f => f.Path.StartsWith(".github/", StringComparison.Ordinal)));
        Validators.AssertValidCircleCiConfigs(Files.Value.Where(f => f.Path.StartsWith(".circleci/", StringComparison.Ordinal)));
    }

    [Fact]
    public void On_GitHub_every_job_and_leg_has_its_own_build_cache_key_and_all_share_the_registry_key()
    {
        var jobs = (YamlMappingNode)Parse(".github/workflows/ci.yml").Children["jobs"];
        var target = new List<string>();
        var registry = new List<string>();
        foreach (var (name, job) in jobs.Children.Select(j => (((YamlScalarNode)j.Key).Value!, (YamlMappingNode)j.Value)))
        {
            var steps = ((YamlSequenceNode)job.Children["steps"]).Cast<YamlMappingNode>().ToList();
            var restore = With(steps, "Restore cargo_target cache");
            var key = Text(restore, "key")!;
            Text(restore, "restore-keys").Should().Be(key[..key.LastIndexOf("${{ hashFiles(", StringComparison.Ordinal)], "a restore key drops only the checksum");
            // A setup moved into a local action restores with actions/cache, whose post step saves under the same key.
            if (steps.Any(s => Text(s, "name") == "Save cargo_target cache"))
            {
                Text(With(steps, "Save cargo_target cache"), "key").Should().Be("${{ steps.cigen_restore_cargo_target.outputs.cache-primary-key }}");
            }
            else
            {
                Text(steps.Single(s => Text(s, "name") == "Restore cargo_target cache"), "uses").Should().Be("actions/cache@v4");
            }

            // The key reads values the job's key step joins from its own records (the job's name is in them), and each
            // leg of the native matrix fills in its own target.
            var spec = Text(With(steps, "Compute cache keys"), "spec")!;
            var joins = spec[spec.IndexOf("join cargo_target_key", StringComparison.Ordinal)..];
            if (name == "cross")
            {
                // GitHub runs the legs from one definition: the join reads the leg's target from the key step's env.
                joins.Should().MatchRegex(@"\benv[ =]CIGEN_MATRIX_target\b", "a join names its parts in records or on its own record");
                Text((YamlMappingNode)steps.Single(s => Text(s, "name") == "Compute cache keys").Children["env"], "CIGEN_MATRIX_target").Should().Be("${{ matrix.target }}");
            }

            target.AddRange(name == "cross" ? Targets.Select(t => $"{key}\n{joins}\nCIGEN_MATRIX_target={t}") : [key + "\n" + joins]);
            registry.Add(Text(With(steps, "Restore cargo cache"), "key")!);
            Text(With(steps, "Restore cargo cache"), "path")!.TrimEnd('\n').Should().Be("~/.cargo/registry\n~/.cargo/git");
            Text(With(steps, "Restore cargo_target cache"), "path")!.TrimEnd('\n').Should().Be("target/");
        }

        target.Should().HaveCount(5).And.OnlyHaveUniqueItems();
        target.Should().Contain(k => k.Contains("=aarch64-unknown-linux-gnu", StringComparison.Ordinal) && k.Contains("(ci/cross", StringComparison.Ordinal));
        target.Should().Contain(k => k.Contains("(ci/lint", StringComparison.Ordinal));
        registry.Distinct().Should().ContainSingle().Which.Should().NotContain("ci/").And.NotContain("matrix");
    }

    [Fact]
    public void On_CircleCI_every_job_and_leg_has_its_own_build_cache_key_and_all_share_the_registry_key()
    {
        var jobs = CircleCiProcessedJobs.Of(Parse(".circleci/config.yml", CircleCiCommands.IsNotCigens));
        var target = new List<string>();
        var registry = new List<string>();
        foreach (var job in jobs.Values)
        {
            var steps = ((YamlSequenceNode)job.Children["steps"]).OfType<YamlMappingNode>().ToList();
            var keys = ((YamlSequenceNode)CircleCiStep(steps, "restore_cache", "Restore cargo_target cache").Children["keys"]).Cast<YamlScalarNode>().Select(k => k.Value!).ToList();
            keys.Should().HaveCount(2);
            keys[0].Should().StartWith(keys[1]);
            Text(CircleCiStep(steps, "save_cache", "Save cargo_target cache"), "key").Should().Be(keys[0]);
            keys[0].Should().StartWith("{{ checksum \"/tmp/cigen/key-values/cargo_target_key\" }}").And.EndWith("{{ checksum \"/tmp/cigen/key-values/files_cargo_target\" }}");
            // The key's prefix is one value the runtime joins in the job, from its records: the job's own text is in them.
            var spec = Text(CircleCiStep(steps, "cigen_runtime", "Compute cache keys"), "spec")!;
            target.Add(keys[0] + "\n" + spec[spec.IndexOf("join cargo_target_key", StringComparison.Ordinal)..]);
            registry.Add(((YamlSequenceNode)CircleCiStep(steps, "restore_cache", "Restore cargo cache").Children["keys"]).Cast<YamlScalarNode>().First().Value!);
        }

        jobs.Keys.Should().Equal(["build", "lint", .. Targets.Select(t => $"cross_{t}")]);
        target.Should().HaveCount(5).And.OnlyHaveUniqueItems();
        target.Should().Contain(k => k.Contains("x86_64-pc-windows-gnu", StringComparison.Ordinal) && k.Contains("(ci/cross", StringComparison.Ordinal));
        registry.Distinct().Should().ContainSingle().Which.Should().NotContain("ci/");
    }

    /// <param name="inlined">For a CircleCI config: the commands to read in place, as CircleCI runs them.</param>
    private static YamlMappingNode Parse(string path, Func<string, bool>? inlined = null)
    {
        var stream = new YamlStream();
        var content = GitHubSetupActions.Inline(Files.Value.Single(f => f.Path == path).Content, Files.Value);
        stream.Load(new StringReader(inlined is null ? content : CircleCiCommands.Inline(content, inlined)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode With(IEnumerable<YamlMappingNode> steps, string name) =>
        (YamlMappingNode)steps.Single(s => Text(s, "name") == name).Children["with"];

    private static YamlMappingNode CircleCiStep(IEnumerable<YamlMappingNode> steps, string kind, string name) =>
        steps.Where(s => s.Children.ContainsKey(kind)).Select(s => (YamlMappingNode)s.Children[kind]).Single(s => Text(s, "name") == name);

    private static string? Text(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(key, out var node) && node is YamlScalarNode scalar ? scalar.Value : null;
}
