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
    public void A_leg_record_may_carry_its_own_marker_prefix_and_print_no_marker_output()
    {
        var spec = "job a\n" + ShellWords.Line("leg", "x", """{"n":1}""", "m/a/x/") + "\n" + ShellWords.Line("leg", "y", """{"n":2}""", "m/a/y/") + "\n";

        var run = Hashed(spec, marker => marker.StartsWith("m/a/y/", StringComparison.Ordinal));

        run.Outputs["a"].Should().Be("run");
        var legs = JsonDocument.Parse(run.Outputs[CigenRuntime.LegsOutput("a")]).RootElement;
        legs.GetProperty("x").GetString().Should().Be("m/a/x/" + run.Outputs["a_hash"]);
        legs.GetProperty("y").GetString().Should().Be("m/a/y/" + run.Outputs["a_hash"]);
        run.Outputs[CigenRuntime.SkippedOutput("a")].Should().Be("""[{"n":2}]""");
        run.Outputs[CigenRuntime.RunningOutput("a")].Should().Be("""{"include":[{"n":1}]}""");
        run.Outputs.Keys.Should().NotContain(name => name.EndsWith("_marker", StringComparison.Ordinal) || name.EndsWith("_found", StringComparison.Ordinal));
    }

    [Fact]
    public void RuntimeSpec_writes_a_short_leg_as_one_record_and_a_long_one_after_a_marker_record()
    {
        var spec = new RuntimeSpec().Marker("a_x_marker", "m/a/x/", "x", """{"n":1}""")
            .Marker("a_long_marker", "m/a/" + new string('l', 150) + "/", "long", """{"n":2}""").ToString();

        spec.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            """leg x '{"n":1}' m/a/x/""",
            "marker a_long_marker m/a/" + new string('l', 150) + "/",
            """leg long '{"n":2}'""");
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
        // Every marker the spec names: printed as a marker's output, or only in a job's legs object.
        var outputs = RuntimeRun.Run(CigenRuntime.Hash, spec, Empty.Value).Outputs;
        var markers = outputs.Where(o => o.Key.EndsWith("_marker", StringComparison.Ordinal)).Select(o => o.Value)
            .Concat(outputs.Where(o => o.Key.EndsWith("_legs", StringComparison.Ordinal))
                .SelectMany(o => JsonDocument.Parse(o.Value).RootElement.EnumerateObject().Select(leg => leg.Value.GetString()!)))
            .Distinct().Where(found).ToList();
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
