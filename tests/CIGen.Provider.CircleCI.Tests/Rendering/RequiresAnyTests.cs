using CIGen.Protocol;
using CIGen.Provider.CircleCI.Tests.Fixtures;
using CIGen.Testing;
using CIGen.Provider.Sdk.Settings;

namespace CIGen.Provider.CircleCI.Tests.Rendering;

/// <summary>
/// <c>requires_any</c>: the job requires an approval gate, and one shim per alternative approves the gate through the
/// API once that alternative succeeded.
/// </summary>
public class RequiresAnyTests
{
    private static Job Deploy(params string[] any) => G.Job("deploy", G.Run("./deploy")) with { RequiresAny = any };

    [Fact]
    public void Requires_a_gate_that_one_shim_per_alternative_approves()
    {
        // Pull requests only: no tag filters on every entry.
        var workflow = G.Workflow("ci", G.Job("build", G.Run("make")), G.Job("staging", G.Run("x")), G.Job("canary", G.Run("x")), Deploy("staging", "canary") with { Needs = ["build"] })
            with { Triggers = [G.Event("pull_request")] };
        var text = Render.Config(G.Graph(workflow));

        Render.Section(text, "  ci:").Should().Be(
            """
              ci:
                jobs:
                  - build
                  - staging
                  - canary
                  - deploy_gate:
                      type: approval
                  - deploy_gate_via_staging:
                      requires: [staging]
                  - deploy_gate_via_canary:
                      requires: [canary]
                  - deploy:
                      requires: [build, deploy_gate]

            """);
        Render.Section(text, "  deploy_gate_via_canary:").Should().Be(
            """
              deploy_gate_via_canary:
                docker:
                  - image: cimg/base:current
                resource_class: small
                steps:
                  - automated_approval:
                      gate: deploy_gate

            """);
    }

    [Fact]
    public void Writes_the_approval_command_with_its_parameters_only_when_used()
    {
        var text = Render.Jobs(G.Job("staging", G.Run("x")), Deploy("staging"));

        Render.Section(text, "  automated_approval:").Should().StartWith(
            """
              automated_approval:
                description: >-
                  Approve an approval job of this workflow through CircleCI's API v2 (cigen's requires_any). Needs a CircleCI personal API
                  token in an environment variable (a context or a project variable).
                parameters:
                  gate:
                    description: The name of the approval job to approve.
                    type: string
                  token_variable:
                    description: The environment variable holding the CircleCI API token.
                    type: env_var_name
                    default: CIRCLE_TOKEN
                steps:
                  - run:
                      name: Approve << parameters.gate >>
                      environment:
                        CIGEN_GATE: << parameters.gate >>
                        CIGEN_TOKEN_VARIABLE: << parameters.token_variable >>
            """);
        Render.Jobs(G.Job("staging", G.Run("x")), G.Job("deploy", G.Run("x")) with { Needs = ["staging"] }).Should().NotContain("automated_approval");
    }

    [Fact]
    public void Gives_the_shims_the_contexts_and_filters_of_their_workflow()
    {
        var workflow = G.Workflow("ci", G.Job("staging", G.Run("x")), Deploy("staging")) with { Triggers = [G.Push() with { Branches = ["main"] }] };
        var graph = G.Graph(workflow) with { ProviderSettings = FirstPartySettings.ToJson(new CircleCiSettings { Context = ["approvers"] }) };

        Render.Section(Render.Config(graph), "      - deploy_gate_via_staging:").Should().Be(
            """
                  - deploy_gate_via_staging:
                      requires: [staging]
                      context: approvers
                      filters:
                        branches:
                          only: main

            """);
    }

    [Fact]
    public void Reports_a_job_whose_name_a_gate_needs()
    {
        var diagnostics = Render.Diagnostics(G.Job("staging", G.Run("x")), G.Job("deploy_gate", G.Run("x")), Deploy("staging"));

        diagnostics.Should().ContainSingle(d => d.Severity == Severity.Error).Which.Should().Match<Diagnostic>(d =>
            d.Code == "circleci.invalid-name" && d.Job == "deploy" && d.Message.Contains("`deploy_gate`"));
    }

    [Fact]
    public void Reports_a_user_command_with_the_approval_commands_name()
    {
        var graph = G.Graph(G.Workflow("ci", G.Job("staging", G.UseCommand("automated_approval")), Deploy("staging")))
            with { Commands = [G.Command("automated_approval", G.Run("x"))] };

        Render.Graph(graph).Diagnostics.Should().Contain(d => d.Code == "circleci.invalid-name" && d.Message.StartsWith("command `automated_approval`"));
    }

    [Fact]
    public void Renders_configs_the_validators_accept()
    {
        var graph = G.Graph(
            G.Workflow(
                "ci",
                G.Job("build", G.Run("make")),
                G.Job("staging", G.Run("./staging")),
                G.Job("canary", G.Run("./canary")) with { Needs = ["build"] },
                Deploy("staging", "canary") with { Needs = ["build"] },
                G.Approval("hold") with { RequiresAny = ["deploy", "build"] },
                G.Job("notify", G.Run("./notify")) with { Needs = ["hold"] }),
            G.Workflow("nightly", G.Job("staging", G.Run("./staging")), Deploy("staging")));

        var result = Render.Graph(graph);

        result.Diagnostics.Should().BeEmpty();
        Validators.AssertValidCircleCiConfigs(result.Files);
    }
}
