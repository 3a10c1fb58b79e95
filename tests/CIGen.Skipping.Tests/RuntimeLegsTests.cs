using System.Text.Json;
using CIGen.Provider.Sdk.Runtime;
using CIGen.Testing;

namespace CIGen.Skipping.Tests;

/// <summary>
/// The runtime's decisions on a matrix job's legs, printed by <c>hash</c> from markers that name a leg: which legs to
/// leave out, which run, each leg's marker, and the job's verdict; run in bash.
/// </summary>
public sealed class RuntimeLegsTests
{
    /// <summary>An empty checkout to hash in: the runtime lists the whole tree, and a shared directory changes under it.</summary>
    private static readonly Lazy<string> Empty = new(() => Directory.CreateTempSubdirectory("cigen-legs-tree-").FullName);

    /// <summary>The <c>hash</c> records of jobs without inputs whose markers name legs: marker <c>JOB_LEG_marker</c>, prefix <c>m/JOB/LEG/</c>.</summary>
    private static string Spec(params (string Job, string Leg, string Values)[] legs) =>
        string.Concat(legs.GroupBy(l => l.Job).Select(job => $"job {job.Key}\n" + string.Concat(job.Select(l =>
            ShellWords.Line("marker", $"{job.Key}_{l.Leg}_marker", $"m/{job.Key}/{l.Leg}/") + "\n" + ShellWords.Line("leg", l.Leg, l.Values) + "\n"))));

    [Fact]
    public void Each_job_gets_its_legs_markers_by_key_the_legs_it_skips_and_runs_and_is_skipped_only_when_every_leg_is()
    {
        var key = "say \"hi\" \\ \tthere";
        var spec = Spec(("a", "x", """{"n":1}"""), ("a", key, """{"n":"two"}"""), ("b", "y z", """{"ok":true}"""));

        // The lookup finds the markers of a's leg x and of b's only leg.
        var run = Hashed(spec, marker => marker.StartsWith("m/a/x/", StringComparison.Ordinal) || marker.StartsWith("m/b/", StringComparison.Ordinal));

        run.Outputs["a"].Should().Be("run");
        run.Outputs["b"].Should().Be("skip");
        var a = JsonDocument.Parse(run.Outputs[CigenRuntime.LegsOutput("a")]).RootElement;
        a.EnumerateObject().Select(p => (p.Name, p.Value.GetString())).Should().Equal(("x", run.Outputs["a_x_marker"]), (key, run.Outputs[$"a_{key}_marker"]));
        run.Outputs[CigenRuntime.SkippedOutput("a")].Should().Be("""[{"n":1}]""");
        run.Outputs[CigenRuntime.RunningOutput("a")].Should().Be("""{"include":[{"n":"two"}]}""");
        run.Outputs[CigenRuntime.SkippedOutput("b")].Should().Be("""[{"ok":true}]""");
        run.Outputs[CigenRuntime.RunningOutput("b")].Should().Be("""{"include":[]}""");
    }

    [Fact]
    public void Without_a_backend_every_leg_runs()
    {
        var run = RuntimeRun.Run(CigenRuntime.Hash, Spec(("a", "x", """{"n":1}""")), Empty.Value);

        run.ExitCode.Should().Be(0, run.StandardError);
        run.Outputs["a"].Should().Be("run");
        run.Outputs[CigenRuntime.SkippedOutput("a")].Should().Be("[]");
    }

    [Fact]
    public void In_json_mode_the_legs_objects_survive_as_string_values()
    {
        var env = new Dictionary<string, string?> { [CigenRuntime.JsonVariable] = "1" };

        var run = RuntimeRun.Run(CigenRuntime.Hash, Spec(("a", "back\\slash", """{"p":"a\\b"}""")), Empty.Value, env);

        run.ExitCode.Should().Be(0, run.StandardError);
        var json = JsonDocument.Parse(run.Outputs["json"]).RootElement;
        json.GetProperty("a").GetString().Should().Be("run");
        JsonDocument.Parse(json.GetProperty(CigenRuntime.LegsOutput("a")).GetString()!).RootElement.GetProperty("back\\slash").GetString()
            .Should().StartWith("m/a/back\\slash/");
        JsonDocument.Parse(json.GetProperty(CigenRuntime.RunningOutput("a")).GetString()!).RootElement.GetProperty("include")[0].GetProperty("p").GetString()
            .Should().Be("a\\b");
    }

    [Fact]
    public void Leg_values_that_are_not_a_json_object_fail_the_step()
    {
        var run = RuntimeRun.Run(CigenRuntime.Hash, Spec(("a", "x", "1")), Empty.Value);

        run.ExitCode.Should().NotBe(0);
        run.StandardError.Should().Contain("not a JSON object");
    }

    /// <summary>
    /// Runs <c>hash</c> with a Redis backend whose <c>redis-cli</c> is a fake that finds the markers <paramref name="found"/> picks.
    /// </summary>
    private static RuntimeRun.Result Hashed(string spec, Func<string, bool> found)
    {
        var markers = RuntimeRun.Run(CigenRuntime.Hash, spec, Empty.Value).Outputs.Where(o => o.Key.EndsWith("_marker", StringComparison.Ordinal)).Select(o => o.Value).Where(found).ToList();
        var bin = Directory.CreateTempSubdirectory("cigen-legs-");
        try
        {
            File.WriteAllLines(Path.Combine(bin.FullName, "found"), markers);
            File.WriteAllText(Path.Combine(bin.FullName, "redis-cli"), $"#!/bin/bash\nif grep -qxF -e \"${{!#}}\" '{bin.FullName}/found'; then echo 1; else echo 0; fi\n");
            ShellRun.Run("chmod", ["+x", Path.Combine(bin.FullName, "redis-cli")], bin.FullName).ExitCode.Should().Be(0);
            var env = new Dictionary<string, string?> { [CigenRuntime.BackendVariable] = "redis", ["CIGEN_REDIS_URL"] = "redis://127.0.0.1:1" };
            var run = RuntimeRun.Run(CigenRuntime.Hash, spec, Empty.Value, env, pathPrefix: bin.FullName);
            run.ExitCode.Should().Be(0, run.StandardError);
            return run;
        }
        finally
        {
            bin.Delete(recursive: true);
        }
    }
}
