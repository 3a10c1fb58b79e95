using System.Diagnostics;
using CIGen.Protocol;
using CIGen.Provider.CircleCI.Tests.Fixtures;
using CIGen.Testing;
using YamlDotNet.RepresentationModel;
using CIGen.Provider.Sdk.Settings;

namespace CIGen.Provider.CircleCI.Tests.Rendering;

/// <summary>
/// Secret and variable references (the graph's <c>EnvReferences</c>) on CircleCI: left out when the context variable
/// has the same name, exported from it in bash otherwise; never a value in the config.
/// </summary>
public class EnvReferenceTests
{
    private const string SecretValue = "s3cr3t value with 'quotes' and \"more\" $HOME";

    private static OrderedDictionary<string, EnvReference> Refs(params (string Key, string Kind, string Name)[] entries)
    {
        var refs = new OrderedDictionary<string, EnvReference>();
        foreach (var (key, kind, name) in entries)
        {
            refs.Add(key, new EnvReference(kind, name));
        }

        return refs;
    }

    private static Job TokenJob() => G.Job("publish", G.Run("npm publish")) with
    {
        Env = G.Env(("NPM_TOKEN", "${{ secrets.NPM_TOKEN }}"), ("NODE_AUTH_TOKEN", "${NPM_TOKEN}"), ("REGION", "${{ vars.REGION }}"), ("MODE", "release")),
        EnvReferences = Refs(("NPM_TOKEN", EnvReferenceKind.Secret, "NPM_TOKEN"), ("NODE_AUTH_TOKEN", EnvReferenceKind.Secret, "NPM_TOKEN"), ("REGION", EnvReferenceKind.Variable, "DEPLOY_REGION")),
    };

    private static Graph WithContext(Graph graph) => graph with { ProviderSettings = FirstPartySettings.ToJson(new CircleCiSettings { Context = ["release"] }) };

    [Fact]
    public void A_reference_of_the_same_name_is_left_out_and_another_name_is_exported_in_a_first_step()
    {
        var text = Render.Config(WithContext(G.Graph(G.Workflow("ci", TokenJob()))));

        Render.Section(text, "    environment:").Should().Be("    environment:\n      MODE: release\n");
        Render.Steps(text).Should().StartWith(
            "    steps:\n      - run:\n          name: Export secret and variable references\n          command: |\n"
            + "            echo \"export NODE_AUTH_TOKEN=\\\"\\${NPM_TOKEN}\\\"\" >> \"$BASH_ENV\"\n"
            + "            echo \"export REGION=\\\"\\${DEPLOY_REGION}\\\"\" >> \"$BASH_ENV\"\n");
        text.Should().NotContain("secrets.").And.NotContain("$NPM_TOKEN\n");
    }

    [Fact]
    public void A_step_reference_under_another_name_is_exported_by_the_first_lines_of_its_script()
    {
        var step = G.Run("./deploy.sh\n", "Deploy") with
        {
            Env = G.Env(("TOKEN", "${{ secrets.DEPLOY_TOKEN }}"), ("DEPLOY_TOKEN", "${{ secrets.DEPLOY_TOKEN }}"), ("LEVEL", "info")),
            EnvReferences = Refs(("TOKEN", EnvReferenceKind.Secret, "DEPLOY_TOKEN"), ("DEPLOY_TOKEN", EnvReferenceKind.Secret, "DEPLOY_TOKEN")),
        };

        var steps = Render.Steps(Render.Config(WithContext(G.Graph(G.Workflow("ci", G.Job("deploy", step))))));

        steps.Should().Contain("          environment:\n            LEVEL: info\n          command: |\n            export TOKEN=\"${DEPLOY_TOKEN}\"\n            ./deploy.sh\n");
        steps.Should().NotContain("Export secret and variable references");
    }

    [Fact]
    public void Without_a_context_one_note_for_the_config_says_where_the_referenced_variables_come_from()
    {
        var result = Render.Graph(G.Graph(G.Workflow("ci", TokenJob(), TokenJob() with { Id = "publish_again" })));

        result.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Severity == Severity.Info && d.Code == "circleci.secret-source" && d.File == ".cigen" && d.Job == null
            && d.Message.Contains("`DEPLOY_REGION`, `NPM_TOKEN`") && d.Message.Contains("circleci: {context: [...]}"));
        Render.Graph(WithContext(G.Graph(G.Workflow("ci", TokenJob())))).Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Workflow_references_reach_every_job_and_a_job_literal_of_the_same_name_replaces_them()
    {
        var workflow = G.Workflow("ci", G.Job("a", G.Run("x")), G.Job("b", G.Run("y")) with { Env = G.Env(("AUTH", "plain")) }) with
        {
            Env = G.Env(("AUTH", "${{ secrets.API_KEY }}")),
            EnvReferences = Refs(("AUTH", EnvReferenceKind.Secret, "API_KEY")),
        };

        var text = Render.Config(WithContext(G.Graph(workflow)));

        Render.Section(text, "  a:").Should().Contain("echo \"export AUTH=\\\"\\${API_KEY}\\\"\" >> \"$BASH_ENV\"").And.NotContain("environment:");
        Render.Section(text, "  b:").Should().Contain("      AUTH: plain\n").And.NotContain("BASH_ENV");
    }

    [Fact]
    public void An_expression_that_is_not_a_reference_is_an_error_naming_job_and_provider()
    {
        var job = G.Job("a", G.Run("x")) with { Env = G.Env(("TAG", "v-${{ secrets.X }}")) };

        Render.Diagnostics(job).Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Severity == Severity.Error && d.Code == "circleci.env-expression" && d.Job == "a"
            && d.Message.StartsWith("variable `TAG` of job `a` of workflow `ci` has the value `v-${{ secrets.X }}`, which the circleci provider cannot express"));
    }

    [Fact]
    public void A_step_reference_in_a_non_posix_shell_is_an_error()
    {
        var step = G.Run("print(1)") with
        {
            Shell = "python3 {0}",
            Env = G.Env(("TOKEN", "${X}")),
            EnvReferences = Refs(("TOKEN", EnvReferenceKind.Secret, "X")),
        };

        Render.Diagnostics(G.Job("a", step)).Should().Contain(d => d.Severity == Severity.Error && d.Code == "circleci.env-expression" && d.Message.Contains("`python3 {0}`"));
    }

    [Fact]
    public void The_export_step_gives_later_steps_the_value_and_writes_it_nowhere()
    {
        var text = Render.Config(WithContext(G.Graph(G.Workflow("ci", TokenJob()))));
        var exportScript = RunCommands(text)[0];
        var bashEnv = Path.GetTempFileName();
        try
        {
            Bash(exportScript, bashEnv).ExitCode.Should().Be(0);
            File.ReadAllText(bashEnv).Should().NotContain("s3cr3t", "the value is expanded when sourced, never written");

            var later = Bash("source \"$BASH_ENV\"\nprintf '%s|%s' \"$NODE_AUTH_TOKEN\" \"$REGION\"", bashEnv);

            later.Output.Should().Be($"{SecretValue}|eu-west-1");
        }
        finally
        {
            File.Delete(bashEnv);
        }
    }

    [Fact]
    public void The_step_export_lines_give_the_script_the_value()
    {
        var step = G.Run("printf '%s' \"$TOKEN\"\n") with { Env = G.Env(("TOKEN", "${NPM_TOKEN}")), EnvReferences = Refs(("TOKEN", EnvReferenceKind.Secret, "NPM_TOKEN")) };
        var text = Render.Config(WithContext(G.Graph(G.Workflow("ci", G.Job("a", step)))));

        Bash(RunCommands(text)[0], Path.Combine(Path.GetTempPath(), "unused-bash-env")).Output.Should().Be(SecretValue);
    }

    [Fact]
    public void Generated_files_hold_references_only_never_a_value()
    {
        var text = Render.Config(G.Graph(G.Workflow("ci", TokenJob())));

        text.Should().NotContain("s3cr3t").And.NotContain("eu-west-1");
        text.Split("NPM_TOKEN").Length.Should().Be(2, "the secret's name appears once, as the ${NPM_TOKEN} of the export");
    }

    [Fact]
    public void The_rendered_references_pass_the_validators()
    {
        var step = G.Run("./deploy.sh\n", "Deploy") with { Env = G.Env(("TOKEN", "${X}")), EnvReferences = Refs(("TOKEN", EnvReferenceKind.Secret, "X")) };
        var result = Render.Graph(WithContext(G.Graph(G.Workflow("ci", TokenJob(), G.Job("deploy", step)))));

        Validators.AssertValidCircleCiConfigs(result.Files);
    }

    private static List<string> RunCommands(string text)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var jobs = (YamlMappingNode)root["jobs"];
        return [.. jobs.Children.Values.Cast<YamlMappingNode>()
            .SelectMany(j => ((YamlSequenceNode)j["steps"]).Children.OfType<YamlMappingNode>())
            .Where(s => s.Children.ContainsKey("run"))
            .Select(s => s["run"] is YamlMappingNode run ? ((YamlScalarNode)run["command"]).Value! : ((YamlScalarNode)s["run"]).Value!)];
    }

    /// <summary>Runs <paramref name="script"/> the way CircleCI does, with the context's variables set.</summary>
    private static (int ExitCode, string Output) Bash(string script, string bashEnv)
    {
        var start = new ProcessStartInfo("bash", ["-eo", "pipefail", "-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["BASH_ENV"] = bashEnv;
        start.Environment["NPM_TOKEN"] = SecretValue;
        start.Environment["DEPLOY_REGION"] = "eu-west-1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
