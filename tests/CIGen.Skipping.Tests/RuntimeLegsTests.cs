using System.Text.Json;
using CIGen.Provider.Sdk.Runtime;
using CIGen.Testing;

namespace CIGen.Skipping.Tests;

/// <summary>The runtime's <c>legs</c>: the decisions on a matrix job's legs as one JSON object per job, run in bash.</summary>
public sealed class RuntimeLegsTests
{
    [Fact]
    public void Each_job_gets_its_legs_by_key_and_is_skipped_only_when_every_leg_is()
    {
        var key = "say \"hi\" \\ \tthere";
        var spec = $"leg a x\nleg a {ShellWords.Quote(key)}\nleg b 'y z'\n";
        var env = new Dictionary<string, string?>
        {
            [CigenRuntime.LegMarkerVariable(1)] = "m/1",
            [CigenRuntime.LegFoundVariable(1)] = "true",
            [CigenRuntime.LegMarkerVariable(2)] = "m/\"2\"",
            [CigenRuntime.LegFoundVariable(2)] = "false",
            [CigenRuntime.LegMarkerVariable(3)] = "m/3",
            [CigenRuntime.LegFoundVariable(3)] = "true",
        };

        var run = RuntimeRun.Run(CigenRuntime.Legs, spec, Path.GetTempPath(), env);

        run.ExitCode.Should().Be(0, run.StandardError);
        run.Outputs.Keys.Should().Equal(CigenRuntime.LegsOutput("a"), "a", CigenRuntime.LegsOutput("b"), "b");
        run.Outputs["a"].Should().Be("run");
        run.Outputs["b"].Should().Be("skip");
        var a = JsonDocument.Parse(run.Outputs[CigenRuntime.LegsOutput("a")]).RootElement;
        a.EnumerateObject().Select(p => (p.Name, p.Value.GetProperty("skip").GetBoolean(), p.Value.GetProperty("marker").GetString()))
            .Should().Equal(("x", true, "m/1"), (key, false, "m/\"2\""));
        JsonDocument.Parse(run.Outputs[CigenRuntime.LegsOutput("b")]).RootElement.GetProperty("y z").GetProperty("skip").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public void In_json_mode_the_legs_object_survives_as_a_string_value()
    {
        var env = new Dictionary<string, string?> { [CigenRuntime.LegMarkerVariable(1)] = "m\\1", [CigenRuntime.JsonVariable] = "1" };

        var run = RuntimeRun.Run(CigenRuntime.Legs, "leg a 'back\\slash'\n", Path.GetTempPath(), env);

        run.ExitCode.Should().Be(0, run.StandardError);
        var json = JsonDocument.Parse(run.Outputs["json"]).RootElement;
        json.GetProperty("a").GetString().Should().Be("run");
        var legs = JsonDocument.Parse(json.GetProperty(CigenRuntime.LegsOutput("a")).GetString()!).RootElement.GetProperty("back\\slash");
        legs.GetProperty("skip").GetBoolean().Should().BeFalse();
        legs.GetProperty("marker").GetString().Should().Be("m\\1");
    }
}
