using CIGen.Core.Caching;
using CIGen.Core.Config;
using CIGen.Core.Tests.Support;
using CIGen.Protocol;

namespace CIGen.Core.Tests.Caching;

/// <summary>restore_cache / save_cache written by hand: keys in CircleCI template syntax, parsed into parts.</summary>
public class HandWrittenCacheStepTests
{
    private const string Header = "packages: []\njobs:\n  build:\n    steps:\n";

    private static LoadResult LoadSteps(string steps)
    {
        using var tree = ConfigTree.Inline(Header + steps);
        return tree.Load();
    }

    private static KeyPart Literal(string text) => new KeyPart.Literal(text);

    [Fact]
    public void Every_template_becomes_its_part()
    {
        var (key, error) = CacheKeyTemplate.Parse("v1-{{ checksum \"Cargo.lock\" }}-{{ .Branch }}-{{.Revision}}-{{ .Environment.CACHE_V }}-{{ epoch }}-{{ arch }}");

        error.Should().BeNull();
        key.Parts.Should().BeEquivalentTo(
            new[]
            {
                Literal("v1-"), new KeyPart.Checksum(["Cargo.lock"]), Literal("-"),
                new KeyPart.Branch(), Literal("-"), new KeyPart.Revision(), Literal("-"),
                new KeyPart.Env("CACHE_V"), Literal("-"), new KeyPart.Epoch(), Literal("-"),
                new KeyPart.Arch(),
            },
            o => o.WithStrictOrdering());
    }

    [Fact]
    public void A_key_without_templates_is_one_literal() =>
        CacheKeyTemplate.Parse("deps-").Key.Parts.Should().BeEquivalentTo(new[] { Literal("deps-") });

    [Theory]
    [InlineData("a-{{ .BuildNum }}", 5, "{{ epoch }}")]
    [InlineData("a-{{ checksum 'x' }}", 5, "double quotes")]
    [InlineData("a-{{ .Environment.1X }}", 5, ".Environment.NAME")]
    [InlineData("a-{{ branch }}", 5, "{{ .Branch }}")]
    [InlineData("a-{{ arch", 2, "never closed")]
    public void Unknown_templates_are_errors_at_their_offset(string key, int offset, string advice)
    {
        var error = CacheKeyTemplate.Parse(key).Error!;

        error.Offset.Should().Be(offset);
        error.Message.Should().Contain(advice);
    }

    [Fact]
    public void A_bad_template_is_reported_at_its_line_and_column()
    {
        const string line = "      - restore_cache: {keys: [deps-a, 'deps-{{ .Foo }}']}";

        var diagnostic = LoadSteps(line + "\n").Single();

        diagnostic.ShouldBe(DiagnosticCodes.InvalidCacheKeyTemplate, "cigen.yml", 5, line.IndexOf(".Foo", StringComparison.Ordinal) + 1,
            "`deps-{{ .Foo }}`", "restore_cache", "{{ .Branch }}");
    }

    [Fact]
    public void A_bad_save_key_is_reported_too()
    {
        const string line = "      - save_cache: {key: 'deps-{{ checksum x }}', paths: [a]}";

        LoadSteps(line + "\n").Single().ShouldBe(DiagnosticCodes.InvalidCacheKeyTemplate, "cigen.yml", 5, line.IndexOf("checksum x", StringComparison.Ordinal) + 1, "double quotes");
    }

    [Fact]
    public void Restore_and_save_keys_are_parsed_into_cache_keys()
    {
        var steps = LoadSteps("      - restore_cache: {keys: ['deps-{{ checksum \"Cargo.lock\" }}', deps-]}\n      - save_cache: {key: 'deps-{{ checksum \"Cargo.lock\" }}', paths: [target]}\n")
            .Clean().Workflows[0].Jobs[0].Steps;
        var (restore, save) = ((RestoreCacheStep)steps[0], (SaveCacheStep)steps[1]);

        restore.CacheKeys.Should().HaveCount(2);
        restore.CacheKeys[1].Parts.Should().BeEquivalentTo(new[] { Literal("deps-") });
        save.CacheKey.Parts[1].Should().BeOfType<KeyPart.Checksum>().Which.Files.Should().Equal("Cargo.lock");
        steps.Cast<CacheEntryStep>().Should().OnlyContain(s => s.Cache == null);
    }

    [Fact]
    public void Restore_paths_come_from_the_save_whose_key_matches()
    {
        var graph = LoadSteps(
            "      - restore_cache: {keys: ['deps-{{ checksum \"Cargo.lock\" }}', deps-]}\n" +
            "      - restore_cache: {key: deps-}\n" +
            "      - restore_cache: {key: other-}\n" +
            "      - restore_cache: {key: deps-, paths: [mine]}\n" +
            "      - save_cache: {key: 'deps-{{ checksum \"Cargo.lock\" }}', paths: [target, ~/.cargo]}\n").Clean();
        var steps = graph.Workflows[0].Jobs[0].Steps.Cast<CacheEntryStep>().ToList();

        steps[0].Paths.Should().Equal("target", "~/.cargo");
        steps[1].Paths.Should().Equal("target", "~/.cargo");
        steps[2].Paths.Should().BeEmpty();
        steps[3].Paths.Should().Equal("mine");
    }

    [Fact]
    public void A_save_in_a_command_or_another_job_pairs_as_well()
    {
        using var tree = ConfigTree.Inline(
            "packages: []\ncommands:\n  save:\n    steps: [{save_cache: {key: 'v1-{{ .Branch }}', paths: [out]}}]\n" +
            "jobs:\n  a:\n    steps: [{restore_cache: {key: 'v1-{{ .Branch }}'}}, save]\n  b:\n    steps: [{restore_cache: {key: v1-}}]\n");
        var jobs = tree.Load().Clean().Workflows[0].Jobs;

        jobs[0].Steps[0].Should().BeOfType<RestoreCacheStep>().Which.Paths.Should().Equal("out");
        jobs[1].Steps[0].Should().BeOfType<RestoreCacheStep>().Which.Paths.Should().Equal("out");
    }
}
