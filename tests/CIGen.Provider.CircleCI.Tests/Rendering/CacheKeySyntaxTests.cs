using CIGen.Protocol;
using CIGen.Provider.CircleCI.Rendering;

namespace CIGen.Provider.CircleCI.Tests.Rendering;

/// <summary>One rule per key part kind: how CircleCI's key template spells it.</summary>
public class CacheKeySyntaxTests
{
    private static string? Spell(KeyPart part) => CacheKeySyntax.Part(part, out _);

    [Fact]
    public void Spells_a_value_as_the_checksum_of_the_file_the_key_values_step_wrote()
    {
        Spell(new KeyPart.Value("os_version")).Should().Be("{{ checksum \"/tmp/cigen/key-values/os_version\" }}");
    }

    [Fact]
    public void Spells_a_checksum_the_host_also_computes_as_its_values_file()
    {
        Spell(new KeyPart.Checksum(["Gemfile", "Gemfile.lock"], "files_gems"))
            .Should().Be("{{ checksum \"/tmp/cigen/key-values/files_gems\" }}");
    }

    [Fact]
    public void Spells_a_hand_written_checksum_of_one_file_as_circlecis_own()
    {
        Spell(new KeyPart.Checksum(["Cargo.lock"])).Should().Be("{{ checksum \"Cargo.lock\" }}");
        Spell(new KeyPart.Checksum(["dir \"x\"\\lock"])).Should().Be("{{ checksum \"dir \\\"x\\\"\\\\lock\" }}");
    }

    [Theory]
    [InlineData("a", "b")]
    [InlineData("**/*.lock")]
    [InlineData("lock?")]
    [InlineData("!vendor/lock")]
    public void Cannot_spell_a_checksum_of_several_files_or_globs_without_a_value(params string[] files)
    {
        CacheKeySyntax.Part(new KeyPart.Checksum(files), out var problem).Should().BeNull();

        problem.Should().Contain("hashes exactly one file named without wildcards").And.Contain($"`{files[0]}`");
    }

    [Fact]
    public void Refuses_a_matrix_value_outside_a_leg_whose_expansion_would_have_written_it_as_text()
    {
        CacheKeySyntax.Part(new KeyPart.Matrix("target"), out var problem).Should().BeNull();

        problem.Should().Contain("`target`");
    }

    [Fact]
    public void Spells_branch_revision_epoch_and_arch_with_circlecis_templates()
    {
        Spell(new KeyPart.Branch()).Should().Be("{{ .Branch }}");
        Spell(new KeyPart.Revision()).Should().Be("{{ .Revision }}");
        Spell(new KeyPart.Epoch()).Should().Be("{{ epoch }}");
        Spell(new KeyPart.Arch()).Should().Be("{{ arch }}");
    }

    [Fact]
    public void Spells_an_environment_variable_and_refuses_a_name_a_template_cannot_read()
    {
        Spell(new KeyPart.Env("CACHE_VERSION")).Should().Be("{{ .Environment.CACHE_VERSION }}");

        CacheKeySyntax.Part(new KeyPart.Env("A-B"), out var problem).Should().BeNull();
        problem.Should().Contain("'A-B'");
    }

    [Fact]
    public void Keeps_literal_text_and_writes_a_literal_opening_brace_pair_as_a_template_string()
    {
        Spell(new KeyPart.Literal("v1-deps-}}-")).Should().Be("v1-deps-}}-");
        Spell(new KeyPart.Literal("a{{b")).Should().Be("a{{ \"{{\" }}b");
    }

    [Fact]
    public void Refuses_a_value_name_that_is_no_file_name()
    {
        CacheKeySyntax.Part(new KeyPart.Value("../etc"), out var value).Should().BeNull();
        value.Should().Contain("'../etc'");
    }

    [Fact]
    public void Joins_the_parts_of_a_key_in_order()
    {
        var key = CachingSample.Key("gems", ["Gemfile"]);

        // The host joined the key's fixed prefix into one value: the key is that value's file, then the digest's.
        CacheKeySyntax.Key(key, out _).Should().Be(
            "{{ checksum \"/tmp/cigen/key-values/gems_key\" }}{{ checksum \"/tmp/cigen/key-values/files_gems\" }}");
    }
}
