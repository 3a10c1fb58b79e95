using CIGen.Core.Config;
using CIGen.Core.Tests.Support;
using CIGen.Protocol;

namespace CIGen.Core.Tests.Config;

/// <summary>Matrix legs: architectures × dimensions, exclude then include, in a fixed order with provider-neutral suffixes.</summary>
public class MatrixLegTests
{
    private static LoadResult Inline(string config)
    {
        using var tree = ConfigTree.Inline(config.Replace("\r\n", "\n", StringComparison.Ordinal));
        return tree.Load();
    }

    private static Job Job(string jobBody) => Inline($"jobs:\n  test:\n{jobBody}    steps: [checkout]\n").Clean().Workflows[0].Jobs[0];

    private static IEnumerable<string> Suffixes(Job job) => job.MatrixLegs.Select(l => l.Suffix);

    [Fact]
    public void Architectures_come_first_then_dimensions_in_the_users_order_the_last_varying_fastest()
    {
        var job = Job("    architectures: [x64, arm64]\n    matrix: {ruby: ['3.2', '3.3'], pg: [15, 16]}\n");

        Suffixes(job).Should().Equal(
            "amd64_3_2_15", "amd64_3_2_16", "amd64_3_3_15", "amd64_3_3_16",
            "arm64_3_2_15", "arm64_3_2_16", "arm64_3_3_15", "arm64_3_3_16");
        job.MatrixLegs[0].Values.Keys.Should().Equal("arch", "ruby", "pg");
        job.MatrixLegs[0].Values["pg"].Should().Be(Scalar.Number("15"));
    }

    [Fact]
    public void A_job_without_architectures_or_matrix_has_no_legs_and_architectures_alone_give_one_leg_each()
    {
        Job("").MatrixLegs.Should().BeEmpty();
        Suffixes(Job("    architectures: [arm64]\n")).Should().Equal("arm64");
    }

    [Fact]
    public void Exclude_removes_every_matching_combination()
    {
        var job = Job("    architectures: [amd64, arm64]\n    matrix:\n      ruby: ['3.2', '3.3']\n      exclude: [{arch: arm64, ruby: '3.2'}]\n");

        Suffixes(job).Should().Equal("amd64_3_2", "amd64_3_3", "arm64_3_3");
        job.MatrixExclude.Single()["arch"].Should().Be(Scalar.String("arm64"));
    }

    [Fact]
    public void Include_extends_matching_combinations_and_appends_the_rest()
    {
        var job = Job("""
                matrix:
                  ruby: ['3.2', '3.3']
                  include:
                    - {ruby: '3.3', experimental: true}
                    - {ruby: '3.4', experimental: true}
                  fail_fast: false

            """);

        Suffixes(job).Should().Equal("3_2", "3_3", "3_4");
        job.MatrixLegs[0].Values.Keys.Should().Equal("ruby");
        job.MatrixLegs[1].Values["experimental"].Should().Be(Scalar.Boolean(true));
        job.MatrixLegs[2].Values.Keys.Should().Equal("ruby", "experimental");
        job.MatrixInclude.Should().HaveCount(2);
        job.FailFast.Should().BeFalse();
    }

    [Fact]
    public void Include_fitting_every_leg_extends_them_and_an_appended_leg_is_named_by_its_dimension_values()
    {
        var extended = Job("    matrix:\n      ruby: ['3.3']\n      include: [{os: mac}]\n");
        Suffixes(extended).Should().Equal("3_3");
        extended.MatrixLegs[0].Values["os"].Should().Be(Scalar.String("mac"));
        Suffixes(Job("    matrix:\n      ruby: ['3.3']\n      include: [{ruby: '2.7', os: mac}]\n")).Should().Equal("3_3", "2_7");
        Suffixes(Job("    matrix:\n      include: [{os: mac os}, {os: linux}]\n")).Should().Equal("mac_os", "linux");
    }

    [Theory]
    [InlineData("3.3", "3_3")]
    [InlineData("node-20", "node-20")]
    [InlineData("a/b c", "a_b_c")]
    public void Suffix_characters_circleci_rejects_become_underscores(string value, string suffix) =>
        Suffixes(Job($"    matrix: {{v: ['{value}']}}\n")).Should().Equal(suffix);

    [Fact]
    public void Two_legs_with_the_same_suffix_are_an_error()
    {
        Inline("jobs:\n  test:\n    matrix: {v: ['3.3', '3_3']}\n    steps: [checkout]\n")
            .Diagnostics.Single().ShouldBe(DiagnosticCodes.InvalidValue, "cigen.yml", 2, 3, "same name suffix `3_3`");
    }

    [Fact]
    public void Exclude_naming_an_unknown_dimension_is_an_error_at_the_entry()
    {
        Inline("jobs:\n  test:\n    matrix:\n      ruby: ['3.3']\n      exclude:\n        - {rubby: '3.3'}\n    steps: [checkout]\n")
            .Diagnostics.Single().ShouldBe(DiagnosticCodes.InvalidValue, "cigen.yml", 6, 11, "`rubby`", "not a dimension", "ruby");
    }

    /// <summary>Found by the generative test: the core accepted it, GitHub rejects the empty matrix and CircleCI wrote the references as text.</summary>
    [Fact]
    public void Exclude_removing_every_combination_is_an_error_at_the_entry()
    {
        Inline("jobs:\n  test:\n    architectures: [amd64, arm64]\n    matrix:\n      ruby: ['3.2']\n      exclude:\n        - {ruby: '3.2'}\n    steps: [checkout]\n")
            .Diagnostics.Single().ShouldBe(DiagnosticCodes.InvalidValue, "cigen.yml", 7, 11, "removes every combination");
        Suffixes(Job("    architectures: [amd64]\n    matrix:\n      ruby: ['3.2']\n      exclude: [{ruby: '3.2'}]\n      include: [{ruby: '3.4'}]\n"))
            .Should().Equal("3_4");
    }

    [Fact]
    public void Include_items_must_be_mappings_and_fail_fast_a_boolean()
    {
        Inline("jobs:\n  test:\n    matrix:\n      include: [ruby]\n      fail_fast: sometimes\n    steps: [checkout]\n")
            .Diagnostics.Select(d => (d.Code, d.Line, d.Column)).Should().Equal((DiagnosticCodes.WrongType, 4, 17), (DiagnosticCodes.WrongType, 5, 18));
    }

    [Fact]
    public void An_arch_dimension_next_to_architectures_is_an_error()
    {
        Inline("jobs:\n  test:\n    architectures: [amd64]\n    matrix: {arch: [x]}\n    steps: [checkout]\n")
            .Diagnostics.Single().ShouldBe(DiagnosticCodes.InvalidValue, "cigen.yml", 2, 3, "dimension `arch`");
    }

    [Fact]
    public void The_providers_shared_matrix_sample_holds_the_legs_the_core_computes()
    {
        var job = Job("""
                architectures: [amd64, arm64]
                matrix:
                  ruby: ['3.2', '3.3']
                  exclude: [{arch: arm64, ruby: '3.2'}]
                  include: [{arch: amd64, ruby: '3.4', experimental: true}]
                  fail_fast: false

            """);

        job.MatrixLegs.Should().BeEquivalentTo(CIGen.Testing.MatrixSample.Test().MatrixLegs, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Approval_jobs_run_once_even_with_default_architectures()
    {
        Inline("architectures: [amd64, arm64]\njobs:\n  gate: {type: approval}\n").Clean().Workflows[0].Jobs[0].MatrixLegs.Should().BeEmpty();
    }
}
