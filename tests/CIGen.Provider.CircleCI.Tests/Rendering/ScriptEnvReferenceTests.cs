using System.Diagnostics;
using CIGen.Protocol;
using CIGen.Provider.CircleCI.Tests.Fixtures;
using CIGen.Testing;
using YamlDotNet.RepresentationModel;
using CIGen.Provider.Sdk.Settings;

namespace CIGen.Provider.CircleCI.Tests.Rendering;

/// <summary>
/// <c>${{ env.X }}</c> in run scripts on CircleCI: a variable cigen sets for the job (workflow, job or step env) is
/// read by the shell, so the script run as CircleCI runs it prints the value; only names nobody sets are reported.
/// </summary>
public class ScriptEnvReferenceTests
{
    private const string Value = "it's a \"value\" $HOME";
    private const string Script = "printf '%s' \"${{ env.GREETING }}\"\n";

    public enum Definition { Workflow, Job, Step, JobSecretOfSameName, JobSecretOfOtherName, StepSecretOfOtherName }

    public enum Reference { JobStep, CommandStep }

    /// <summary>Where GREETING is set × where the script reads it.</summary>
    public static TheoryData<Definition, Reference> Places()
    {
        var data = new TheoryData<Definition, Reference>();
        foreach (var definition in Enum.GetValues<Definition>())
        {
            // A step's own env belongs to the step; a command step cannot see the job's step env.
            foreach (var reference in Enum.GetValues<Reference>().Where(r => definition is not (Definition.Step or Definition.StepSecretOfOtherName) || r == Reference.JobStep))
            {
                data.Add(definition, reference);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Places))]
    public void A_variable_cigen_sets_is_read_by_the_shell_and_the_script_prints_its_value(Definition definition, Reference reference)
    {
        var result = Render.Graph(Graph(definition, reference));

        result.Diagnostics.Where(d => d.Severity != Severity.Info).Should().BeEmpty();
        var text = result.Files.Single().Content;
        text.Should().NotContain("${{").And.Contain("printf '%s' \"${GREETING}\"");
        // The context holds SALUTE, and GREETING only where the job reads the context's variable of that name.
        var context = definition == Definition.JobSecretOfSameName ? new[] { ("SALUTE", Value), ("GREETING", Value) } : [("SALUTE", Value)];
        RunJob(text, "greet", context).Should().Be(Value);
        Validators.AssertValidCircleCiConfigs(result.Files);
    }

    [Fact]
    public void A_name_nobody_sets_stays_as_written_with_a_warning_naming_it_and_nothing_else()
    {
        var step = G.Run("echo \"${{ env.GREETING }} ${{ env.MISSING }} ${{ env.MISSING }}\"\n", "Greet");
        var job = G.Job("greet", step) with { Env = G.Env(("GREETING", "hi")) };

        var result = Render.Graph(G.Graph(G.Workflow("ci", job)));

        var text = result.Files.Single().Content;
        text.Should().Contain("echo \"${GREETING} ${{ env.MISSING }} ${{ env.MISSING }}\"");
        result.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Severity == Severity.Warning && d.Code == "circleci.github-expression" && d.Job == "greet"
            && d.Message.Contains("`${{ env.MISSING }}`") && d.Message.Contains("bad substitution") && !d.Message.Contains("GREETING"));
    }

    [Fact]
    public void Other_expressions_keep_their_own_warning_beside_the_undefined_names()
    {
        var step = G.Run("echo \"${{ env.MISSING }} ${{ github.sha }}\"\n");

        var diagnostics = Render.Diagnostics(G.Job("a", step));

        diagnostics.Should().HaveCount(2);
        diagnostics.Should().Contain(d => d.Message.Contains("`${{ env.MISSING }}`") && d.Message.Contains("no `env`"));
        diagnostics.Should().Contain(d => d.Message.Contains("`${{ github.sha }}`") && !d.Message.Contains("MISSING"));
    }

    [Fact]
    public void A_command_reads_what_any_job_using_it_sets_and_is_empty_in_the_others_as_on_github()
    {
        var command = G.Command("greet_cmd", G.Run(Script));
        var setting = G.Job("a", G.UseCommand("greet_cmd")) with { Env = G.Env(("GREETING", "hi")) };
        var notSetting = G.Job("b", G.UseCommand("greet_cmd"));

        var partly = Render.Graph(G.Graph(G.Workflow("ci", setting, notSetting)) with { Commands = [command] });
        var none = Render.Graph(G.Graph(G.Workflow("ci", notSetting)) with { Commands = [command] });

        partly.Diagnostics.Should().BeEmpty();
        partly.Files[0].Content.Should().Contain("printf '%s' \"${GREETING}\"");
        none.Files[0].Content.Should().Contain("printf '%s' \"${{ env.GREETING }}\"");
        none.Diagnostics.Should().ContainSingle().Which.Message.Should().StartWith("the command of step 1 of command `greet_cmd` (used by ci/b) reads `${{ env.GREETING }}`");
    }

    [Fact]
    public void A_powershell_step_reads_the_variable_its_own_way_and_another_shell_is_warned_about()
    {
        var job = G.Job("a", G.Run("Write-Output \"${{ env.GREETING }}\"") with { Shell = "pwsh" }, G.Run("print('${{ env.GREETING }}')") with { Shell = "python3 {0}" })
            with { Env = G.Env(("GREETING", "hi")) };

        var result = Render.Graph(G.Graph(G.Workflow("ci", job)));

        result.Files[0].Content.Should().Contain("Write-Output \"$env:GREETING\"").And.Contain("print('${{ env.GREETING }}')");
        result.Diagnostics.Should().ContainSingle().Which.Message.Should().Contain("holds the GitHub expression `${{ env.GREETING }}`");
    }

    private static Graph Graph(Definition definition, Reference reference)
    {
        var step = G.Run(Script, "Greet");
        step = definition switch
        {
            Definition.Step => step with { Env = G.Env(("GREETING", Value)) },
            Definition.StepSecretOfOtherName => step with { Env = G.Env(("GREETING", "${{ secrets.SALUTE }}")), EnvReferences = Refs(("GREETING", "SALUTE")) },
            _ => step,
        };
        var job = G.Job("greet", reference == Reference.JobStep ? step : G.UseCommand("greet_cmd")) with
        {
            Env = definition switch
            {
                Definition.Job => G.Env(("GREETING", Value)),
                Definition.JobSecretOfSameName => G.Env(("GREETING", "${{ secrets.GREETING }}")),
                Definition.JobSecretOfOtherName => G.Env(("GREETING", "${{ secrets.SALUTE }}")),
                _ => [],
            },
            EnvReferences = definition switch
            {
                Definition.JobSecretOfSameName => Refs(("GREETING", "GREETING")),
                Definition.JobSecretOfOtherName => Refs(("GREETING", "SALUTE")),
                _ => [],
            },
        };
        var workflow = G.Workflow("ci", job) with { Env = definition == Definition.Workflow ? G.Env(("GREETING", Value)) : [] };
        return G.Graph(workflow) with
        {
            Commands = reference == Reference.CommandStep ? [G.Command("greet_cmd", step)] : [],
            ProviderSettings = FirstPartySettings.ToJson(new CircleCiSettings { Context = ["release"] }),
        };
    }

    private static OrderedDictionary<string, EnvReference> Refs(params (string Key, string Name)[] entries)
    {
        var refs = new OrderedDictionary<string, EnvReference>();
        foreach (var (key, name) in entries)
        {
            refs.Add(key, new EnvReference(EnvReferenceKind.Secret, name));
        }

        return refs;
    }

    /// <summary>
    /// Runs the job's run steps (commands expanded) as CircleCI does: each in its own bash with the context's variables,
    /// the job's and the step's <c>environment</c>, and <c>$BASH_ENV</c> sourced; the last step's output.
    /// </summary>
    private static string RunJob(string text, string jobName, IReadOnlyList<(string Name, string Value)> context)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var job = (YamlMappingNode)((YamlMappingNode)root["jobs"])[jobName];
        var commands = root.Children.TryGetValue("commands", out var node) ? (YamlMappingNode)node : new YamlMappingNode();
        var bashEnv = Path.GetTempFileName();
        try
        {
            var output = "";
            foreach (var step in Expand((YamlSequenceNode)job["steps"], commands))
            {
                output = Bash(step, [.. context.Select(c => KeyValuePair.Create(c.Name, c.Value)), .. Environment(job), .. Environment(step)], bashEnv);
            }

            return output;
        }
        finally
        {
            File.Delete(bashEnv);
        }
    }

    private static IEnumerable<YamlMappingNode> Expand(YamlSequenceNode steps, YamlMappingNode commands)
    {
        foreach (var step in steps.Children)
        {
            if (step is YamlScalarNode { Value: { } name } && commands.Children.TryGetValue(name, out var command))
            {
                foreach (var inner in Expand((YamlSequenceNode)((YamlMappingNode)command)["steps"], commands))
                {
                    yield return inner;
                }
            }
            else if (step is YamlMappingNode map && map.Children.TryGetValue("run", out var run))
            {
                yield return (YamlMappingNode)run;
            }
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> Environment(YamlMappingNode node) =>
        node.Children.TryGetValue("environment", out var environment)
            ? ((YamlMappingNode)environment).Children.Select(e => KeyValuePair.Create(((YamlScalarNode)e.Key).Value!, ((YamlScalarNode)e.Value).Value!))
            : [];

    private static string Bash(YamlMappingNode step, IReadOnlyList<KeyValuePair<string, string>> environment, string bashEnv)
    {
        var start = new ProcessStartInfo("bash", ["-eo", "pipefail", "-c", ((YamlScalarNode)step["command"]).Value!])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["BASH_ENV"] = bashEnv;
        start.Environment["GREETING"] = null;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.Should().Be(0, error);
        return output;
    }
}
