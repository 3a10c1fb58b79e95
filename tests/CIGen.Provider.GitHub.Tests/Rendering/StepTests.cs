using CIGen.Protocol;
using CIGen.Provider.GitHub.Rendering;
using CIGen.Provider.Sdk;
using CIGen.Provider.GitHub.Tests.Fixtures;

namespace CIGen.Provider.GitHub.Tests.Rendering;

public class StepTests
{
    [Fact]
    public void Injects_checkout_as_the_first_step()
    {
        Render.Steps(Render.Jobs(G.Job("a", G.Run("one"), G.Run("two")))).Should().Be(
            "    steps:\n      - uses: actions/checkout@v4\n      - run: one\n      - run: two\n");
    }

    [Fact]
    public void Leaves_checkout_out_when_the_job_opts_out()
    {
        Render.Steps(Render.Jobs(G.Job("a", G.Run("one")) with { Checkout = false })).Should().Be("    steps:\n      - run: one\n");
    }

    [Fact]
    public void Writes_an_explicit_checkout_where_the_user_put_it_instead_of_injecting_one()
    {
        var checkout = G.Checkout() with { Name = "Fetch sources" };

        Render.Steps(Render.Jobs(G.Job("a", G.Run("prepare"), checkout, G.Run("build")))).Should().Be(
            """
                steps:
                  - run: prepare
                  - name: Fetch sources
                    uses: actions/checkout@v4
                  - run: build

            """);
    }

    [Fact]
    public void Counts_a_uses_step_of_actions_checkout_as_the_jobs_checkout()
    {
        Render.Steps(Render.Jobs(G.Job("a", G.Uses("actions/checkout@v5"), G.Run("x")))).Should().Be(
            "    steps:\n      - uses: actions/checkout@v5\n      - run: x\n");
    }

    [Fact]
    public void Keeps_an_explicit_checkout_even_when_the_job_opts_out_of_the_automatic_one()
    {
        Render.Steps(Render.Jobs(G.Job("a", G.Run("x"), G.Checkout()) with { Checkout = false })).Should().Be(
            "    steps:\n      - run: x\n      - uses: actions/checkout@v4\n");
    }

    [Fact]
    public void Keeps_every_key_of_a_run_step_in_canonical_order()
    {
        var step = G.Run("cargo test --all-features\n", "Run tests") with
        {
            Id = "tests",
            If = "failure()",
            Env = G.Env(("RUST_LOG", "debug"), ("THREADS", Scalar.Number("4"))),
            Shell = "bash",
            WorkingDirectory = "crates/core",
        };

        Render.Steps(Render.Jobs(G.Job("a", step) with { Checkout = false })).Should().Be(
            """
                steps:
                  - name: Run tests
                    id: tests
                    if: failure()
                    shell: bash
                    working-directory: crates/core
                    env:
                      RUST_LOG: debug
                      THREADS: 4
                    run: |
                      cargo test --all-features

            """);
    }

    [Fact]
    public void Keeps_every_key_of_a_uses_step_with_typed_inputs()
    {
        var step = G.Uses("actions/setup-python@v5") with
        {
            Name = "Set up Python",
            Id = "python",
            If = "runner.os == 'Linux'",
            With = G.Env(("python-version", "3.10"), ("cache", "pip"), ("check-latest", Scalar.Boolean(true)), ("retries", Scalar.Number("2"))),
            Env = G.Env(("PIP_NO_INPUT", "1")),
        };

        Render.Steps(Render.Jobs(G.Job("a", step) with { Checkout = false })).Should().Be(
            """
                steps:
                  - name: Set up Python
                    id: python
                    if: runner.os == 'Linux'
                    uses: actions/setup-python@v5
                    with:
                      python-version: '3.10'
                      cache: pip
                      check-latest: true
                      retries: 2
                    env:
                      PIP_NO_INPUT: '1'

            """);
    }

    [Fact]
    public void Writes_multi_line_scripts_as_literal_blocks_exactly_as_written()
    {
        var script = "set -euo pipefail\nif [ -n \"${TOKEN:-}\" ]; then\n  echo \"has token\"\nfi\n";

        Render.Steps(Render.Jobs(G.Job("a", G.Run(script)) with { Checkout = false })).Should().Be(
            "    steps:\n      - run: |\n          set -euo pipefail\n          if [ -n \"${TOKEN:-}\" ]; then\n            echo \"has token\"\n          fi\n");
    }

    [Fact]
    public void Normalises_windows_line_endings_in_scripts()
    {
        Render.Steps(Render.Jobs(G.Job("a", G.Run("a\r\nb\r\n")) with { Checkout = false })).Should().Be(
            "    steps:\n      - run: |\n          a\n          b\n");
    }

    [Fact]
    public void Never_rewrites_a_script_and_passes_values_through_env()
    {
        var step = G.Run("echo \"$GREETING\"") with { Env = G.Env(("GREETING", "${{ github.event.head_commit.message }}")) };

        var text = Render.Jobs(G.Job("a", step) with { Checkout = false });

        text.Should().Contain("      - env:\n          GREETING: ${{ github.event.head_commit.message }}\n        run: echo \"$GREETING\"\n");
    }

    public static TheoryData<string, Step> EveryStepKind() => new()
    {
        { "run", G.Run("make") },
        { "uses", G.Uses("actions/setup-node@v4") },
        { "checkout", G.Checkout() },
        { "command", G.UseCommand("build") },
    };

    [Theory]
    [MemberData(nameof(EveryStepKind))]
    public void Keeps_name_if_and_env_on_every_kind_of_step(string kind, Step step)
    {
        var named = step with { Name = $"The {kind} step", If = "github.event_name == 'push'", Env = G.Env(("MODE", "ci")) };
        var graph = G.Graph(G.Workflow("ci", G.Job("a", named) with { Checkout = false })) with { Commands = [G.Command("build", G.Run("make build"))] };

        var result = Render.Graph(graph);

        result.Diagnostics.Should().BeEmpty();
        Render.Steps(result.Files.Single().Content).Should().StartWith(
            $"    steps:\n      - name: The {kind} step\n        if: github.event_name == 'push'\n").And.Contain("        env:\n          MODE: ci\n");
    }
}
