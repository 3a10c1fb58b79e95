using CIGen.Protocol;
using CIGen.Provider.CircleCI.Tests.Fixtures;
using CIGen.Testing;

namespace CIGen.Provider.CircleCI.Tests.Rendering;

/// <summary>Matrix jobs as one CircleCI job per leg: names, substituted references, arm resource classes and wiring.</summary>
public class MatrixTests
{
    private static Job Test(string? resourceClass = null) => G.Job("test", G.Run("echo ${{ matrix.arch }}", "On ${{matrix.arch}}")) with
    {
        Architectures = ["amd64", "arm64"],
        Runner = resourceClass is null ? null : new RunnerSelection { ResourceClass = resourceClass },
        Env = G.Env(("ARCH", "${{ matrix.arch }}"), ("KEEP", Scalar.Number("1"))),
        MatrixLegs = [MatrixSample.Leg("amd64", ("arch", "amd64")), MatrixSample.Leg("arm64", ("arch", "arm64"))],
    };

    private static Job Dependent(string id, bool any = false) =>
        any ? G.Job(id, G.Run("x")) with { RequiresAny = ["test", "lint"] } : G.Job(id, G.Run("x")) with { Needs = ["test"] };

    [Fact]
    public void Writes_one_job_per_leg_named_by_the_cores_suffix_in_leg_order()
    {
        var text = Render.Config(MatrixSample.Graph());

        Render.Processed(text).Keys.Should().Equal("test_amd64_3_2", "test_amd64_3_3", "test_arm64_3_3", "test_amd64_3_4", "deploy");
    }

    [Fact]
    public void Substitutes_the_legs_values_in_image_environment_step_names_commands_and_step_environment()
    {
        var text = Render.Config(MatrixSample.Graph());

        var legs = Render.Processed(text);
        var leg = legs["test_amd64_3_4"];
        Render.Value(leg, "docker", 0, "image").Should().Be("ruby:3.4");
        Render.Value(leg, "environment", "RUBY_VERSION").Should().Be("3.4");
        Render.Value(leg, "steps", 1, "run", "environment", "EXPERIMENTAL").Should().Be("true");
        Render.Value(legs["test_amd64_3_2"], "steps", 1, "run", "environment", "EXPERIMENTAL").Should().Be("");
        Render.Strings(leg).Should().Contain("Test on amd64 with Ruby 3.4").And.NotContain("matrix.").And.NotContain("<<");
        var arm = Render.Processed(Render.Jobs(Test()))["test_arm64"];
        Render.Value(arm, "environment", "ARCH").Should().Be("arm64");
        Render.Value(arm, "environment", "KEEP").Should().Be("1");
        Render.Value(arm, "steps", 0, "run", "name").Should().Be("On arm64");
        Render.Value(arm, "steps", 0, "run", "command").Should().Be("echo arm64");
    }

    /// <summary>
    /// Found by the generative test: <c>exclude</c> removed every combination, so the legs come from <c>include</c> alone
    /// and none has <c>arch</c>; the reference is still one the core accepts (the job has architectures), so it is
    /// empty in each leg, as on GitHub, not a broken graph.
    /// </summary>
    [Fact]
    public void A_declared_value_that_exclude_took_from_every_leg_is_empty()
    {
        var job = G.Job("test", G.Run("echo \"on ${{ matrix.arch }}\"")) with
        {
            Architectures = ["amd64", "arm64"],
            Matrix = [new MatrixDimension("flavor", ["alpha"])],
            MatrixExclude = [G.Env(("flavor", "alpha"))],
            MatrixInclude = [G.Env(("flavor", "extra"))],
            MatrixLegs = [MatrixSample.Leg("extra", ("flavor", "extra"))],
        };

        var result = Render.Graph(G.Graph(G.Workflow("ci", job)));

        result.Diagnostics.Should().BeEmpty();
        Render.Section(result.Files[0].Content, "  test_extra:").Should().Contain("- run: echo \"on \"\n");
        Validators.AssertValidCircleCiConfigs(result.Files);
    }

    [Fact]
    public void Writes_each_legs_matrix_values_into_its_cache_keys_as_text()
    {
        KeyPart Literal(string text) => new KeyPart.Literal(text);
        var key = new CacheKey { Parts = [Literal("out("), new KeyPart.Matrix("arch"), Literal(")")] };
        var job = G.Job("test", new RestoreCacheStep { Cache = "out", Paths = ["out"], CacheKeys = [key], Source = G.At("ci.yml") }) with
        {
            Architectures = ["amd64", "arm64"],
            MatrixLegs = [MatrixSample.Leg("amd64", ("arch", "amd64")), MatrixSample.Leg("arm64", ("arch", "arm64"))],
        };

        var text = Render.Jobs(job);

        Render.Section(text, "  test_amd64:").Should().Contain("keys: [out(amd64)]");
        Render.Section(text, "  test_arm64:").Should().Contain("keys: [out(arm64)]");
    }

    [Theory]
    [InlineData(null, null, "arm.medium")]
    [InlineData("large", "large", "arm.large")]
    [InlineData("arm.large", "arm.large", "arm.large")]
    public void An_arm64_leg_runs_on_the_arm_resource_class_of_the_jobs_size(string? given, string? amd64, string arm64)
    {
        var text = Render.Jobs(Test(given));

        // Legs on the same resource class differ only in their value, and share one job with a parameter.
        var folded = !text.Contains("  test_amd64:\n", StringComparison.Ordinal);
        folded.Should().Be(amd64 == arm64);
        var amd = Render.Section(text, folded ? "  test:" : "  test_amd64:");
        if (amd64 is null)
        {
            amd.Should().NotContain("resource_class");
        }
        else
        {
            amd.Should().Contain($"resource_class: {amd64}\n");
        }

        Render.Section(text, folded ? "  test:" : "  test_arm64:").Should().Contain($"resource_class: {arm64}\n");
    }

    [Fact]
    public void A_job_requiring_a_matrix_job_requires_every_leg()
    {
        var text = Render.Config(MatrixSample.Graph());

        Render.Section(text, "      - deploy:").Should().Contain("          requires: [test_amd64_3_2, test_amd64_3_3, test_arm64_3_3, test_amd64_3_4]\n");
    }

    [Fact]
    public void A_requires_any_alternative_that_is_a_matrix_job_has_one_shim_requiring_every_leg()
    {
        var text = Render.Jobs(Test(), G.Job("lint", G.Run("x")), Dependent("report", any: true));

        var shim = Render.Section(text, "      - report_gate_via_test:");
        shim.Should().Contain("requires: [test_amd64, test_arm64]");
        text.Should().Contain("      - report_gate_via_lint:");
        Validators.AssertValidCircleCiConfigs(Render.Graph(G.Graph(G.Workflow("ci", Test(), G.Job("lint", G.Run("x")), Dependent("report", any: true)))).Files);
    }

    [Fact]
    public void Every_leg_gets_the_workflows_filters()
    {
        var workflow = G.Workflow("ci", Test()) with { Triggers = [G.Push() with { Branches = ["main"] }] };

        var text = Render.Config(G.Graph(workflow));

        Render.Section(text, "      - test_amd64:").Should().Contain("only: main");
        Render.Section(text, "      - test_arm64:").Should().Contain("only: main");
    }

    [Fact]
    public void A_reference_to_a_value_no_leg_has_breaks_the_host_guarantee()
    {
        // The core reports it to the user (CIG028); a graph that still carries one is a bug in the host.
        var job = Test() with { Steps = [G.Run("echo ${{ matrix.rubby }}")], CheckoutIndex = null };

        FluentActions.Invoking(() => Render.Diagnostics(job)).Should().Throw<CIGen.Provider.Sdk.InvalidGraphException>()
            .WithMessage("*`${{ matrix.rubby }}` in job 'test'*");
    }

    [Fact]
    public void Valid_matrix_references_report_nothing()
    {
        var job = Test() with { Steps = [G.Run("echo ${{ matrix.arch }}")], CheckoutIndex = null };

        Render.Diagnostics(job).Should().NotContain(d => d.Severity == Severity.Error);
    }

    [Fact]
    public void A_leg_name_another_job_has_is_an_error()
    {
        Render.Diagnostics(Test(), G.Job("test_arm64", G.Run("x"))).Should().Contain(d => d.Severity == Severity.Error && d.Message.Contains("test_arm64"));
    }

    [Fact]
    public void Fail_fast_true_is_a_warning_and_false_is_what_circleci_does_anyway()
    {
        Render.Diagnostics(Test() with { FailFast = true }).Should().ContainSingle().Which.Should().Match<Diagnostic>(
            d => d.Severity == Severity.Warning && d.Code == "circleci.ignored" && d.Message.Contains("fail_fast"));
        Render.Diagnostics(Test() with { FailFast = false }).Should().BeEmpty();
    }

    [Fact]
    public void The_matrix_output_passes_circlecis_validators() =>
        Validators.AssertValidCircleCiConfigs(Render.Graph(MatrixSample.Graph()).Files);
}
