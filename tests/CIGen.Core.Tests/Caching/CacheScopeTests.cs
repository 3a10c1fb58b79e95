using CIGen.Core.Caching;
using CIGen.Core.Config;
using CIGen.Core.Tests.Support;
using CIGen.Protocol;

namespace CIGen.Core.Tests.Caching;

/// <summary>
/// Cache scope: build output (<c>scope: job</c>, the built-in <c>cargo_target</c>) is keyed per job and matrix leg;
/// dependency caches stay shared; <c>cargo</c> brings <c>cargo_target</c> (<c>also</c>).
/// </summary>
public class CacheScopeTests
{
    private static readonly (string, string)[] RustRepo = [("Cargo.toml", "[package]\nname = \"x\"\n"), ("Cargo.lock", "version = 3\n")];

    private const string ThreeJobs =
        "workflows:\n  ci:\n    jobs:\n"
        + "      build:\n        steps: [{run: cargo build}]\n"
        + "      lint:\n        steps: [{run: cargo clippy}]\n"
        + "      cross:\n        matrix: {target: [x86_64-unknown-linux-gnu, aarch64-unknown-linux-gnu, x86_64-pc-windows-msvc]}\n"
        + "        steps: [{run: cargo build --target x}]\n";

    private static readonly Dictionary<string, string> Values = new(StringComparer.Ordinal)
    {
        ["os"] = "linux", ["os_version"] = "ubuntu24.04", ["arch"] = "x64", ["rust"] = "1.85.0",
        ["files_cargo"] = "<lock>", ["files_cargo_target"] = "<lock>", ["files_out"] = "<lock>",
    };

    private static Graph Load(string config, params (string Path, string Content)[] files)
    {
        using var tree = new ConfigTree([("cigen.yml", config), .. files]);
        return tree.Load().Clean();
    }

    /// <summary>The cache's keys with their join values unfolded, as the runtime fills them in.</summary>
    private static IReadOnlyList<CacheKey> Keys(Job job, string cache) =>
        [.. job.Steps.OfType<RestoreCacheStep>().Single(s => s.Cache == cache).CacheKeys.Select(k => k.Unfolded(job))];

    /// <summary>The key (and restore keys) of each job, and of each leg of a matrix job, with the leg's values filled in.</summary>
    private static List<(string Job, IReadOnlyList<string> Keys)> Rendered(Graph graph, string cache) =>
        [.. graph.Workflows[0].Jobs.SelectMany(job =>
            (job.MatrixLegs.Count == 0 ? [new MatrixLeg { Suffix = "" }] : job.MatrixLegs).Select(leg =>
            {
                var values = new Dictionary<string, string>(Values);
                foreach (var (name, value) in leg.Values)
                {
                    values[$"matrix.{name}"] = value.Text;
                }

                return ($"{job.Id}{leg.Suffix}", (IReadOnlyList<string>)[.. Keys(job, cache).Select(k => AutomaticCacheKey.Render(k, values))]);
            }))];

    [Fact]
    public void Two_jobs_and_three_legs_get_five_build_caches_and_one_registry_cache()
    {
        var graph = Load(ThreeJobs, RustRepo);

        var target = Rendered(graph, "cargo_target");
        var registry = Rendered(graph, "cargo");

        target.Select(t => t.Keys[0]).Should().Equal(
            "linux-ubuntu24.04-x64-cargo_target(ci/build)-rust1.85.0-<lock>",
            "linux-ubuntu24.04-x64-cargo_target(ci/lint)-rust1.85.0-<lock>",
            "linux-ubuntu24.04-x64-cargo_target(ci/cross/x86_64-unknown-linux-gnu)-rust1.85.0-<lock>",
            "linux-ubuntu24.04-x64-cargo_target(ci/cross/aarch64-unknown-linux-gnu)-rust1.85.0-<lock>",
            "linux-ubuntu24.04-x64-cargo_target(ci/cross/x86_64-pc-windows-msvc)-rust1.85.0-<lock>");
        target.Select(t => t.Keys[1]).Should().OnlyHaveUniqueItems().And.AllSatisfy(k => k.Should().EndWith(")-rust1.85.0-"));
        registry.Select(r => r.Keys[0]).Distinct().Should().Equal("linux-ubuntu24.04-x64-cargo-rust1.85.0-<lock>");
        graph.Workflows[0].Jobs.Should().AllSatisfy(j =>
            j.Steps.OfType<RestoreCacheStep>().Select(s => (s.Cache, string.Join(",", s.Paths)))
                .Should().Equal(("cargo", "~/.cargo/registry,~/.cargo/git"), ("cargo_target", "target/")));
    }

    [Fact]
    public void A_restore_key_finds_only_older_entries_of_its_own_job_and_leg()
    {
        var graph = Load(
            "cache_definitions:\n  out:\n    scope: job\n    checksum_sources: [Cargo.lock]\n    paths: [out]\n"
            + "jobs:\n  a:\n    cache: out\n    matrix: {v: [x, x-y]}\n    steps: [{run: make}]\n  a-x:\n    cache: out\n    steps: [{run: make}]\n",
            RustRepo);

        var all = Rendered(graph, "out").Select(k => k.Keys).ToList();

        all.Select(k => k[1]).Should().Equal(
            "linux-ubuntu24.04-x64-out(ci/a/x)-", "linux-ubuntu24.04-x64-out(ci/a/x-y)-", "linux-ubuntu24.04-x64-out(ci/a-x)-");
        foreach (var owner in all)
        {
            all.Where(other => other != owner).Should().AllSatisfy(other => other[0].Should().NotStartWith(owner[1]));
        }
    }

    [Fact]
    public void A_users_definition_with_the_job_scope_names_the_matrix_values_of_its_job_as_key_parts()
    {
        var graph = Load(
            "cache_definitions:\n  next:\n    scope: job\n    versions: [node]\n    paths: [.next/cache]\n"
            + "jobs:\n  web:\n    cache: [next]\n    architectures: [amd64, arm64]\n    matrix: {node: ['20', '22']}\n    steps: [{run: next build}]\n");

        var key = Keys(graph.Workflows[0].Jobs[0], "next").Should().ContainSingle().Subject;

        key.Parts.OfType<KeyPart.Matrix>().Select(p => p.Name).Should().Equal("arch", "node");
        key.Parts.OfType<KeyPart.Literal>().Select(p => p.Text).Should().ContainInOrder("-next", "(ci/web", "/", "/", ")");
    }

    [Fact]
    public void Overriding_cargo_without_also_gives_exactly_the_users_cache()
    {
        var job = Load("cache_definitions:\n  cargo:\n    paths: [~/.cargo, target/]\njobs:\n  a:\n    steps: [{run: x}]\n", RustRepo).Workflows[0].Jobs[0];

        job.Cache.Should().Equal("cargo");
        Keys(job, "cargo")[0].Parts.Should().NotContain(p => p is KeyPart.Matrix || p is KeyPart.Literal && ((KeyPart.Literal)p).Text.Contains('('));
    }

    [Fact]
    public void An_unknown_scope_is_an_error_at_the_value()
    {
        using var tree = new ConfigTree([("cigen.yml", "cache_definitions:\n  out:\n    scope: per-job\n    paths: [out]\njobs:\n  a:\n    steps: [{run: x}]\n")]);

        tree.Load().Single().ShouldBe(DiagnosticCodes.InvalidValue, "cigen.yml", 3, 12, "unknown scope `per-job`", "`job`", "`shared`");
    }

    [Fact]
    public void An_unknown_cache_in_also_is_an_error_at_the_name()
    {
        using var tree = new ConfigTree([("cigen.yml", "cache_definitions:\n  out:\n    also: [cargo_targte]\n    paths: [out]\njobs:\n  a:\n    steps: [{run: x}]\n")]);

        tree.Load().Single().ShouldBe(DiagnosticCodes.UnknownCache, "cigen.yml", 3, 12, "unknown cache `cargo_targte`", "did you mean `cargo_target`?");
    }
}
