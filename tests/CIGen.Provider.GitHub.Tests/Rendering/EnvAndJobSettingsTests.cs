using CIGen.Protocol;
using CIGen.Provider.GitHub.Tests.Fixtures;
using CIGen.Testing;
using CIGen.Provider.Sdk.Settings;

namespace CIGen.Provider.GitHub.Tests.Rendering;

/// <summary>Secret/variable references and the job's <c>github:</c> block on GitHub.</summary>
public class EnvAndJobSettingsTests
{
    private static OrderedDictionary<string, EnvReference> Refs(params (string Key, string Kind, string Name)[] entries)
    {
        var refs = new OrderedDictionary<string, EnvReference>();
        foreach (var (key, kind, name) in entries)
        {
            refs.Add(key, new EnvReference(kind, name));
        }

        return refs;
    }

    private static Job ReferencingJob() => G.Job("publish", G.Run("npm publish") with
    {
        Env = G.Env(("STEP_TOKEN", "${STEP_SECRET}"), ("MODE_COPY", "${{ env.MODE }}")),
        EnvReferences = Refs(("STEP_TOKEN", EnvReferenceKind.Secret, "STEP_SECRET"), ("MODE_COPY", EnvReferenceKind.Env, "MODE")),
    }) with
    {
        Env = G.Env(("NPM_TOKEN", "${{secrets.NPM_TOKEN}}"), ("AUTH", "${NPM_TOKEN}"), ("REGION", "${{ vars.REGION }}"), ("MODE", "release")),
        EnvReferences = Refs(
            ("NPM_TOKEN", EnvReferenceKind.Secret, "NPM_TOKEN"),
            ("AUTH", EnvReferenceKind.Secret, "NPM_TOKEN"),
            ("REGION", EnvReferenceKind.Variable, "REGION")),
    };

    [Fact]
    public void References_are_spelled_as_github_expressions_whatever_the_user_wrote()
    {
        var text = Render.Jobs(ReferencingJob());

        text.Should().Contain(
            "    env:\n      NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n      AUTH: ${{ secrets.NPM_TOKEN }}\n      REGION: ${{ vars.REGION }}\n"
            + "      MODE: release\n");
        Render.Steps(text).Should().Contain("STEP_TOKEN: ${{ secrets.STEP_SECRET }}\n          MODE_COPY: ${{ env.MODE }}\n");
    }

    [Fact]
    public void An_env_context_reference_in_job_variables_is_an_error_naming_the_job()
    {
        var job = G.Job("a", G.Run("x")) with { Env = G.Env(("COPY", "${{ env.HOME }}")), EnvReferences = Refs(("COPY", EnvReferenceKind.Env, "HOME")) };

        Render.Graph(G.Graph(G.Workflow("ci", job))).Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Severity == Severity.Error && d.Code == "github.env-context" && d.Job == "a"
            && d.Message.StartsWith("variable `COPY` of job `a` references `${{ env.HOME }}`, which the github provider cannot express"));
    }

    [Fact]
    public void Workflow_references_are_spelled_the_same_way()
    {
        var workflow = G.Workflow("ci", G.Job("a", G.Run("x"))) with { Env = G.Env(("KEY", "${API_KEY}")), EnvReferences = Refs(("KEY", EnvReferenceKind.Secret, "API_KEY")) };

        Render.Single(G.Graph(workflow)).Should().Contain("env:\n  KEY: ${{ secrets.API_KEY }}\n");
    }

    [Fact]
    public void A_command_step_literal_replaces_a_reference_of_the_command()
    {
        var command = G.Command("deploy", G.Run("./deploy") with { Env = G.Env(("TOKEN", "${DEPLOY}")), EnvReferences = Refs(("TOKEN", EnvReferenceKind.Secret, "DEPLOY")) });
        var use = G.UseCommand("deploy") with { Env = G.Env(("TOKEN", "dummy")) };

        var text = Render.Single(G.Graph(G.Workflow("ci", G.Job("a", use))) with { Commands = [command] });

        Render.Steps(text).Should().Contain("TOKEN: dummy").And.NotContain("secrets.");
    }

    [Fact]
    public void Generated_files_hold_references_only_never_a_value()
    {
        Environment.SetEnvironmentVariable("STEP_SECRET", "s3cr3t-step-value");
        try
        {
            var text = Render.Jobs(ReferencingJob());

            text.Should().NotContain("s3cr3t");
            text.Split("STEP_SECRET").Length.Should().Be(2, "the secret's name appears once, inside its reference");
        }
        finally
        {
            Environment.SetEnvironmentVariable("STEP_SECRET", null);
        }
    }

    private static Job SettingsJob() => G.Job("deploy", G.Run("./deploy", "Deploy") with { Id = "v" }) with
    {
        TimeoutMinutes = 20,
        ProviderSettings = FirstPartySettings.ToJson(new GitHubJobSettings
        {
            Permissions = new Permissions { Scopes = Scopes(("contents", "read"), ("id-token", "write")) },
            Environment = new GitHubEnvironment { Name = "production", Url = "https://example.com" },
            Concurrency = new Concurrency { Group = "deploy-${{ github.ref }}", CancelInProgress = Scalar.Boolean(false) },
            Outputs = Scopes(("version", "${{ steps.v.outputs.version }}")),
            ContinueOnError = Scalar.Boolean(true),
        }),
    };

    private static OrderedDictionary<string, string> Scopes(params (string Key, string Value)[] entries)
    {
        var map = new OrderedDictionary<string, string>();
        foreach (var (key, value) in entries)
        {
            map.Add(key, value);
        }

        return map;
    }

    [Fact]
    public void The_github_block_renders_in_githubs_key_order()
    {
        var text = Render.Jobs(SettingsJob());

        text.Should().Contain(
            "  deploy:\n    runs-on: ubuntu-latest\n"
            + "    permissions:\n      contents: read\n      id-token: write\n"
            + "    environment:\n      name: production\n      url: https://example.com\n"
            + "    concurrency:\n      group: deploy-${{ github.ref }}\n      cancel-in-progress: false\n"
            + "    outputs:\n      version: ${{ steps.v.outputs.version }}\n"
            + "    timeout-minutes: 20\n    continue-on-error: true\n");
    }

    [Fact]
    public void An_environment_name_alone_is_a_scalar_and_continue_on_error_may_be_an_expression()
    {
        var job = G.Job("a", G.Run("x")) with
        {
            ProviderSettings = FirstPartySettings.ToJson(new GitHubJobSettings { Environment = new GitHubEnvironment { Name = "staging" }, ContinueOnError = Scalar.String("${{ matrix.experimental == 'true' }}") }),
        };

        Render.Jobs(job).Should().Contain("    environment: staging\n").And.Contain("    continue-on-error: ${{ matrix.experimental == 'true' }}\n");
    }

    [Fact]
    public void The_github_block_environment_replaces_an_approvals_default()
    {
        var gate = G.Approval("release") with { ProviderSettings = FirstPartySettings.ToJson(new GitHubJobSettings { Environment = new GitHubEnvironment { Name = "production" } }) };

        Render.Jobs(gate, G.Job("after", G.Run("x")) with { Needs = ["release"] }).Should().Contain("    environment: production\n");
    }

    [Fact]
    public void References_settings_and_workflow_niceties_pass_the_validators()
    {
        var workflow = G.Workflow("ci", ReferencingJob(), SettingsJob()) with
        {
            Triggers = [G.Push(), G.Event("workflow_dispatch") with { Inputs = [new WorkflowInput { Name = "dry_run", Type = "boolean", Default = Scalar.Boolean(false) }] }],
            Permissions = new Permissions { All = "read-all" },
            Concurrency = new Concurrency { Group = "${{ github.workflow }}-${{ github.ref }}", CancelInProgress = Scalar.Boolean(true) },
            Env = G.Env(("KEY", "${API_KEY}")),
            EnvReferences = Refs(("KEY", EnvReferenceKind.Secret, "API_KEY")),
        };
        var result = Render.Graph(G.Graph(workflow));

        result.Diagnostics.Where(d => d.Severity == Severity.Error).Should().BeEmpty();
        Validators.AssertValidGitHubWorkflows(result.Files);
    }
}
