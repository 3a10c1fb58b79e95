using CIGen.Protocol;
using CIGen.Provider.CircleCI.Tests.Fixtures;
using CIGen.Testing;
using CIGen.Testing.Meaning;
using CIGen.Testing.Validation;

namespace CIGen.Provider.CircleCI.Tests.Rendering;

/// <summary>Matrix legs that differ only in their values are one job with parameters, used once per leg; others stay apart.</summary>
public class LegFoldTests
{
    private static Job Example(params Step[] steps) => G.Job("e2e", steps) with
    {
        Matrix = [new MatrixDimension("dir", ["minimal", "next-app", ".experimental/ssg"])],
        MatrixLegs =
        [
            MatrixSample.Leg("minimal", ("dir", "minimal")),
            MatrixSample.Leg("next-app", ("dir", "next-app")),
            MatrixSample.Leg("_experimental_ssg", ("dir", ".experimental/ssg")),
        ],
    };

    private static string Config(params Job[] jobs) => Render.Config(G.Graph(G.Workflow("ci", [.. jobs, G.Job("report", G.Run("x")) with { Needs = ["e2e"] }])));

    [Fact]
    public void Legs_differing_only_in_their_values_are_one_job_with_a_parameter_that_each_leg_passes()
    {
        var text = Config(Example(G.Run("pnpm turbo --filter \"./examples/${{ matrix.dir }}\" test", "Test ${{ matrix.dir }}")));

        Render.Section(text, "jobs:").Should().Contain(
            """
              e2e:
                parameters:
                  dir:
                    description: Matrix value dir
                    type: string
            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        Render.Section(text, "jobs:").Should().NotContain("e2e_minimal:").And.Contain("command: pnpm turbo --filter \"./examples/<< parameters.dir >>\" test");
        Render.Section(text, "workflows:").Should().Contain(
            """
                  - e2e:
                      name: e2e__experimental_ssg
                      dir: .experimental/ssg
            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        Render.Section(text, "      - report:").Should().Contain("requires: [e2e_minimal, e2e_next-app, e2e__experimental_ssg]");

        var pipeline = new CircleCiPipeline("main", "");
        pipeline.RunningJobs(text, "ci").Should().BeEquivalentTo(["e2e_minimal", "e2e_next-app", "e2e__experimental_ssg", "report"]);
        pipeline.RunCommands(text, "e2e__experimental_ssg").Should().Equal("pnpm turbo --filter \"./examples/.experimental/ssg\" test");
        pipeline.RunCommands(text, "e2e_next-app").Should().Equal("pnpm turbo --filter \"./examples/next-app\" test");
        Validators.AssertValidCircleCiConfigs([new OutputFile(".circleci/config.yml", text)]);
    }

    [Fact]
    public void A_value_that_also_occurs_as_plain_text_keeps_its_leg_apart_rather_than_parameterise_the_plain_text()
    {
        // "minimal" is the first leg's value and, in every leg, part of a fixed command: that leg stays a job of its own.
        var text = Config(Example(G.Run("echo ${{ matrix.dir }}"), G.Run("npx create-minimal")));

        Render.Section(text, "  e2e_minimal:").Should().Contain("- run: echo minimal\n      - run: npx create-minimal\n");
        Render.Section(text, "  e2e:").Should().Contain("- run: echo << parameters.dir >>\n      - run: npx create-minimal\n");
        Render.Section(text, "jobs:").Should().NotContain("  e2e_next-app:");
        var pipeline = new CircleCiPipeline("main", "");
        pipeline.RunCommands(text, "e2e_minimal").Should().Equal("echo minimal", "npx create-minimal");
        pipeline.RunCommands(text, "e2e_next-app").Should().Equal("echo next-app", "npx create-minimal");
        Validators.AssertValidCircleCiConfigs([new OutputFile(".circleci/config.yml", text)]);
    }

    [Fact]
    public void Legs_whose_steps_differ_by_a_matrix_condition_share_a_job_only_with_the_legs_that_agree()
    {
        var text = Config(Example(G.Run("echo ${{ matrix.dir }}"), G.Run("echo only here") with { If = "matrix.dir == 'minimal'" }));

        Render.Section(text, "  e2e_minimal:").Should().Contain("echo only here");
        Render.Section(text, "  e2e:").Should().NotContain("echo only here");
        var pipeline = new CircleCiPipeline("main", "");
        pipeline.RunCommands(text, "e2e_minimal").Should().Equal("echo minimal", "echo only here");
        pipeline.RunCommands(text, "e2e_next-app").Should().Equal("echo next-app");
        pipeline.RunCommands(text, "e2e__experimental_ssg").Should().Equal("echo .experimental/ssg");
    }

    [Fact]
    public void Each_set_of_legs_that_agree_gets_a_job_the_first_named_after_the_matrix_job()
    {
        var job = G.Job("e2e", G.Run("echo ${{ matrix.dir }}"), G.Run("echo more") with { If = "matrix.flavor == 'full'" }) with
        {
            MatrixLegs =
            [
                MatrixSample.Leg("alpha_lean", ("dir", "alpha"), ("flavor", "lean")),
                MatrixSample.Leg("beta_lean", ("dir", "beta"), ("flavor", "lean")),
                MatrixSample.Leg("gamma_full", ("dir", "gamma"), ("flavor", "full")),
                MatrixSample.Leg("delta_full", ("dir", "delta"), ("flavor", "full")),
            ],
        };

        var text = Config(job);

        Render.Section(text, "  e2e:").Should().NotContain("echo more");
        Render.Section(text, "  e2e_2:").Should().Contain("echo more");
        Render.Section(text, "workflows:").Should().Contain("- e2e_2:\n          name: e2e_delta_full\n          dir: delta\n");
        var pipeline = new CircleCiPipeline("main", "");
        pipeline.RunCommands(text, "e2e_beta_lean").Should().Equal("echo beta");
        pipeline.RunCommands(text, "e2e_gamma_full").Should().Equal("echo gamma", "echo more");
        Validators.AssertValidCircleCiConfigs([new OutputFile(".circleci/config.yml", text)]);
    }

    [Fact]
    public void A_value_every_leg_shares_stays_text_so_a_digit_in_a_redirection_is_never_a_parameter()
    {
        // Found on a real config: pydantic "2" in every leg would have turned `2>&1` into `<< parameters.pydantic >>>&1`.
        var job = G.Job("test", G.Run("command -v uv >/dev/null 2>&1 || pip install uv"), G.Run("uv run --python ${{ matrix.python }} pytest")) with
        {
            MatrixLegs =
            [
                MatrixSample.Leg("3_12_2", ("python", "3.12"), ("pydantic", "2")),
                MatrixSample.Leg("3_13_2", ("python", "3.13"), ("pydantic", "2")),
            ],
        };

        var text = Render.Jobs(job);

        var shared = Render.Section(text, "  test:");
        shared.Should().Contain("command -v uv >/dev/null 2>&1 || pip install uv").And.Contain("--python << parameters.python >> pytest")
            .And.NotContain("pydantic");
        Render.Section(text, "workflows:").Should().Contain("name: test_3_12_2\n          python: '3.12'\n");
        new CircleCiPipeline("main", "").RunCommands(text, "test_3_13_2").Should().Equal(
            "command -v uv >/dev/null 2>&1 || pip install uv", "uv run --python 3.13 pytest");
        Validators.AssertValidCircleCiConfigs([new OutputFile(".circleci/config.yml", text)]);
    }

    [Fact]
    public void The_shared_job_of_skippable_legs_keys_each_legs_marker_by_the_name_it_passes()
    {
        var job = Example(G.Checkout(), G.Run("echo ${{ matrix.dir }}")) with
        {
            Skipping = new JobSkipping
            {
                Inputs = new HashInputs { DefinitionFiles = [SkippingSample.DefinitionFile], Include = ["examples/.*"] },
                Markers =
                [
                    new SkipMarker { Leg = "minimal", Prefix = "cigen-skip-v1/linux-amd64/ci/e2e_minimal/" },
                    new SkipMarker { Leg = "next-app", Prefix = "cigen-skip-v1/linux-amd64/ci/e2e_next-app/" },
                    new SkipMarker { Leg = "_experimental_ssg", Prefix = "cigen-skip-v1/linux-amd64/ci/e2e__experimental_ssg/" },
                ],
                Backend = SkippingSample.Native(),
            },
        };
        var text = Config(job);

        var shared = Render.Section(text, "  e2e:");
        shared.Should().Contain("cigen_leg:\n        description: The leg's job name, which its skip marker is keyed on");
        shared.Should().Contain("- cigen_skip_if_unchanged:\n          marker: cigen-skip-v1/linux-amd64/ci/<< parameters.cigen_leg >>/\n");
        Render.Section(text, "  cigen_record_skip_marker:").Should().Contain("key: << parameters.marker >>{{ checksum \"/tmp/cigen/skip/job_marker\" }}");
        Render.Section(text, "workflows:").Should().Contain("name: e2e_next-app\n          cigen_leg: e2e_next-app\n          dir: next-app\n");
        Validators.AssertValidCircleCiConfigs([new OutputFile(".circleci/config.yml", text)]);
    }

    [Fact]
    public void The_continued_config_of_a_dynamic_pipeline_keeps_one_job_per_leg()
    {
        var graph = DynamicConfig.Of(G.Graph(G.Workflow("ci", Example(G.Run("echo ${{ matrix.dir }}")))));

        var continued = Render.Graph(graph).Files.Single(f => f.Path.EndsWith(".json", StringComparison.Ordinal)).Content;

        continued.Should().Contain("\"e2e_minimal\"").And.Contain("\"e2e_next-app\"").And.NotContain("cigen_leg");
    }
}
