using CIGen.Protocol;
using CIGen.Provider.GitHub.Rendering;
using CIGen.Provider.Sdk;
using CIGen.Provider.Sdk.Expressions;

namespace CIGen.Provider.GitHub.Tests.Rendering;

/// <summary>One rule per key part kind: how GitHub spells it inside a cache action's <c>key</c>.</summary>
public class CacheKeySpellingTests
{
    private static readonly SourceLocation Where = G.At(".cigen/workflows/ci/jobs/test.yml", 10, 5);

    private static string Spell(params KeyPart[] parts) =>
        new CacheKeySpelling("cigen_keys").Key(new CacheKey { Parts = parts }, Where);

    [Fact]
    public void Writes_a_literal_as_it_is() =>
        Spell(new KeyPart.Literal("-gems-v1.2 (x)")).Should().Be("-gems-v1.2 (x)");

    [Fact]
    public void Writes_an_expression_opener_in_a_literal_as_an_expression_that_yields_it()
    {
        var spelled = Spell(new KeyPart.Literal("a-${{ github.token }}-b"));

        spelled.Should().Be("a-${{ '${{' }} github.token }}-b");
        // The only expression GitHub finds is the quoted opener: the user's text never becomes an expression.
        EmbeddedExpression.Find(spelled).Should().Be(new EmbeddedExpression(2, 14, "'${{'"));
        EmbeddedExpression.Find(spelled, 14).Should().BeNull();
    }

    [Fact]
    public void Catches_an_expression_opener_formed_by_two_adjacent_literals() =>
        Spell(new KeyPart.Literal("a-$"), new KeyPart.Literal("{{ x }}"))
            .Should().Be("a-${{ '${{' }} x }}");

    [Fact]
    public void Reads_a_value_from_the_outputs_of_the_key_values_step() =>
        Spell(new KeyPart.Value("os_version")).Should().Be("${{ fromJSON(steps.cigen_keys.outputs.json).os_version }}");

    [Fact]
    public void Indexes_a_value_whose_name_is_no_property_name() =>
        Spell(new KeyPart.Value("3rd.party")).Should().Be("${{ fromJSON(steps.cigen_keys.outputs.json)['3rd.party'] }}");

    [Fact]
    public void A_value_without_a_key_values_step_is_a_broken_graph()
    {
        var spell = () => new CacheKeySpelling(null).Key(new CacheKey { Parts = [new KeyPart.Value("os")] }, Where);

        spell.Should().Throw<InvalidGraphException>().WithMessage("*key_values*");
    }

    [Fact]
    public void Hashes_the_files_of_a_checksum_with_hash_files_quoting_each_glob()
    {
        var part = new KeyPart.Checksum(["Gemfile.lock", "it's/*.lock", "!vendor/**"], "files_gems");

        Spell(part).Should().Be("${{ hashFiles('Gemfile.lock', 'it''s/*.lock', '!vendor/**') }}");
    }

    [Fact]
    public void Writes_the_branch_as_the_short_ref_name() =>
        Spell(new KeyPart.Branch()).Should().Be("${{ github.ref_name }}");

    [Fact]
    public void Writes_the_revision_as_the_commit_sha() =>
        Spell(new KeyPart.Revision()).Should().Be("${{ github.sha }}");

    [Fact]
    public void Reads_an_environment_variable_from_the_env_context() =>
        Spell(new KeyPart.Env("CACHE_VERSION")).Should().Be("${{ env.CACHE_VERSION }}");

    [Fact]
    public void Reads_a_matrix_value_from_the_matrix_context_of_the_running_leg()
    {
        Spell(new KeyPart.Matrix("target")).Should().Be("${{ matrix.target }}");
        Spell(new KeyPart.Matrix("node-version")).Should().Be("${{ matrix.node-version }}");
    }

    [Fact]
    public void Writes_epoch_as_the_run_and_its_attempt() =>
        Spell(new KeyPart.Epoch()).Should().Be("${{ github.run_id }}-${{ github.run_attempt }}");

    [Fact]
    public void Writes_arch_as_the_runners_os_and_architecture() =>
        Spell(new KeyPart.Arch()).Should().Be("${{ runner.os }}-${{ runner.arch }}");

    [Fact]
    public void Joins_the_parts_in_order()
    {
        Spell(
            new KeyPart.Literal("v1-"),
            new KeyPart.Branch(),
            new KeyPart.Literal("-"),
            new KeyPart.Checksum(["Cargo.lock"]))
            .Should().Be("v1-${{ github.ref_name }}-${{ hashFiles('Cargo.lock') }}");
    }
}
