using CIGen.Protocol;
using CIGen.Provider.GitHub.Rendering;
using CIGen.Provider.GitHub.Tests.Fixtures;
using CIGen.Testing;

namespace CIGen.Provider.GitHub.Tests.Rendering;

public class ScriptExpressionTests
{
    private static (string Script, string Env) Move(string script, OrderedDictionary<string, Scalar>? env = null, string? shell = null)
    {
        var (moved, newEnv) = ScriptExpressions.MoveToEnv(script, env ?? [], shell);
        return (moved, string.Join("\n", newEnv.Select(e => $"{e.Key}={e.Value.Text}")));
    }

    [Fact]
    public void Leaves_a_script_without_expressions_unchanged()
    {
        var env = G.Env(("A", "1"));
        var (script, newEnv) = ScriptExpressions.MoveToEnv("echo ${HOME} $A", env, null);

        script.Should().Be("echo ${HOME} $A");
        newEnv.Should().BeSameAs(env);
    }

    [Fact]
    public void Moves_a_plain_expression_into_env()
    {
        Move("git fetch origin ${{ github.head_ref }}").Should().Be(
            ("git fetch origin ${EXPR_GITHUB_HEAD_REF}", "EXPR_GITHUB_HEAD_REF=${{ github.head_ref }}"));
    }

    [Fact]
    public void Keeps_the_users_quoting_around_the_variable()
    {
        Move("echo \"${{ github.event.head_commit.message }}\"\necho \"v${{ matrix.ruby }}\"").Should().Be((
            "echo \"${EXPR_GITHUB_EVENT_HEAD_COMMIT_MESSAGE}\"\necho \"v${MATRIX_RUBY}\"",
            "EXPR_GITHUB_EVENT_HEAD_COMMIT_MESSAGE=${{ github.event.head_commit.message }}\nMATRIX_RUBY=${{ matrix.ruby }}"));
    }

    [Fact]
    public void Reads_an_env_reference_through_a_step_variable_as_circleci_reads_the_variable_itself()
    {
        // GitHub evaluates env.X for the step (workflow, job and step env, and $GITHUB_ENV); the CircleCI provider
        // writes ${X} where cigen sets X (ScriptEnvReferences). Both give the script the same value, as data.
        Move("printf '%s' \"${{ env.GREETING }}\"").Should().Be(("printf '%s' \"${ENV_GREETING}\"", "ENV_GREETING=${{ env.GREETING }}"));
    }

    [Fact]
    public void Shares_one_variable_between_uses_of_one_expression_however_spaced()
    {
        Move("echo ${{ github.ref }} ${{github.ref}} ${{  github.ref }}").Should().Be(
            ("echo ${EXPR_GITHUB_REF} ${EXPR_GITHUB_REF} ${EXPR_GITHUB_REF}", "EXPR_GITHUB_REF=${{ github.ref }}"));
    }

    [Fact]
    public void Names_the_variable_after_the_expression()
    {
        ScriptExpressions.NameOf("steps.v.outputs.version").Should().Be("STEPS_V_OUTPUTS_VERSION");
        ScriptExpressions.NameOf("matrix['node-version']").Should().Be("MATRIX_NODE_VERSION");
        ScriptExpressions.NameOf("format('{0}', 1)").Should().Be("FORMAT_0_1");
        ScriptExpressions.NameOf("github.event.path").Should().Be("EXPR_GITHUB_EVENT_PATH", "GitHub ignores env keys that shadow its own GITHUB_* variables");
        ScriptExpressions.NameOf("runner.temp").Should().Be("EXPR_RUNNER_TEMP");
        ScriptExpressions.NameOf("1").Should().Be("EXPR_1");
    }

    [Fact]
    public void Suffixes_a_name_taken_by_a_different_env_value()
    {
        Move("echo ${{ matrix.ruby }} ${{ matrix.ruby }}", G.Env(("MATRIX_RUBY", "2.7"))).Should().Be((
            "echo ${MATRIX_RUBY_2} ${MATRIX_RUBY_2}",
            "MATRIX_RUBY=2.7\nMATRIX_RUBY_2=${{ matrix.ruby }}"));
    }

    [Fact]
    public void Reuses_an_env_variable_that_already_holds_the_expression()
    {
        Move("echo ${{ matrix.ruby }}", G.Env(("MATRIX_RUBY", "${{matrix.ruby}}"))).Should().Be(
            ("echo ${MATRIX_RUBY}", "MATRIX_RUBY=${{matrix.ruby}}"));
    }

    [Fact]
    public void Does_not_end_an_expression_at_braces_inside_a_string_literal()
    {
        Move("echo ${{ format('}}{0}', github.sha) }}").Should().Be(
            ("echo ${FORMAT_0_GITHUB_SHA}", "FORMAT_0_GITHUB_SHA=${{ format('}}{0}', github.sha) }}"));
    }

    [Fact]
    public void Spells_the_variable_the_way_the_steps_shell_reads_it()
    {
        Move("Write-Host ${{ github.ref }}", shell: "pwsh").Script.Should().Be("Write-Host $env:EXPR_GITHUB_REF");
        Move("echo ${{ github.ref }}", shell: "cmd").Script.Should().Be("echo %EXPR_GITHUB_REF%");
    }

    [Fact]
    public void Renders_a_run_step_without_expressions_in_its_script()
    {
        var step = G.Run("echo \"${{ github.event.head_commit.message }}\"") with { Env = G.Env(("MODE", "fast")) };

        Render.Steps(Render.Jobs(G.Job("a", step) with { Checkout = false })).Should().Be(
            """
                steps:
                  - env:
                      MODE: fast
                      EXPR_GITHUB_EVENT_HEAD_COMMIT_MESSAGE: ${{ github.event.head_commit.message }}
                    run: echo "${EXPR_GITHUB_EVENT_HEAD_COMMIT_MESSAGE}"

            """);
    }

    [Fact]
    public void The_rendered_steps_pass_actionlint_and_shellcheck()
    {
        var job = G.Job(
            "a",
            G.Run("echo \"${{ github.event.head_commit.message }}\"\ngit fetch origin \"${{ github.head_ref }}\""),
            G.Run("echo \"${{ github.ref }}\" \"${{github.ref}}\"") with { Env = G.Env(("EXPR_GITHUB_REF", "custom")) });

        var result = Render.Graph(G.Graph(G.Workflow("ci", job)));

        Render.Single(G.Graph(G.Workflow("ci", job))).Should().NotContain("run: echo \"${{");
        Validators.AssertValidGitHubWorkflows(result.Files);
    }
}
