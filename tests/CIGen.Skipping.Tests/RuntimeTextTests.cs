using CIGen.Provider.Sdk.Runtime;
using CIGen.Skipping.Tests.Support;
using CIGen.Testing;

namespace CIGen.Skipping.Tests;

/// <summary>The runtime as a text: the one script every generated configuration carries.</summary>
public sealed class RuntimeTextTests
{
    [Fact]
    public void The_runtime_is_shellcheck_clean_with_every_optional_check_on()
    {
        Tools.Require("shellcheck", "`apt-get install -y shellcheck`");

        var result = ShellRun.Run("shellcheck", ["--norc", "-s", "bash", "-o", "all", "-e", "SC2250,SC2312,SC2248,SC2249,SC2310,SC2311,SC2292", RuntimeRun.File], Path.GetTempPath());

        result.ExitCode.Should().Be(0, result.Text + result.StandardError);
    }

    [Fact]
    public void Loaded_for_its_functions_it_runs_nothing_and_defines_both_marker_operations_for_each_backend()
    {
        var result = ShellRun.Bash(MarkerRun.Functions(MarkerBackend.S3) + "declare -F cigen_marker cigen_s3_lookup cigen_s3_record cigen_redis_lookup cigen_redis_record\n", Path.GetTempPath());

        result.ExitCode.Should().Be(0, result.StandardError);
        result.Text.Should().Be("cigen_marker\ncigen_s3_lookup\ncigen_s3_record\ncigen_redis_lookup\ncigen_redis_record\n");
    }

    /// <summary>Each part alone (with its operation), the sets the shipped configs' outputs carry, and every part.</summary>
    public static TheoryData<int> PartSets() =>
    [
        .. Enum.GetValues<RuntimeParts>().Where(part => part != RuntimeParts.None).Select(part => (int)(part | (part >= RuntimeParts.HashRef && part <= RuntimeParts.HashSets ? RuntimeParts.Hash : RuntimeParts.None)
            | (part >= RuntimeParts.KeyProbes && part <= RuntimeParts.KeyFiles ? RuntimeParts.Keys : RuntimeParts.None))).Distinct(),
        (int)(RuntimeParts.Hash | RuntimeParts.HashSets | RuntimeParts.HashLegs | RuntimeParts.GitHubCache),
        (int)(RuntimeParts.Hash | RuntimeParts.HashSets | RuntimeParts.HashRef | RuntimeParts.HashLegs | RuntimeParts.GitHubCache | RuntimeParts.Keys | RuntimeParts.KeyProbes),
        (int)(RuntimeParts.Keys | RuntimeParts.KeyFiles | RuntimeParts.S3),
    ];

    [Theory]
    [MemberData(nameof(PartSets))]
    public void A_set_of_parts_a_generated_output_may_carry_is_shellcheck_clean(int parts)
    {
        Tools.Require("shellcheck", "`apt-get install -y shellcheck`");
        var script = CigenRuntime.ScriptFor((RuntimeParts)parts);

        var result = ShellRun.Run("shellcheck", ["--norc", "-s", "bash", "-"], Path.GetTempPath(), System.Text.Encoding.UTF8.GetBytes(script));

        result.ExitCode.Should().Be(0, result.Text + result.StandardError);
    }

    /// <summary>
    /// Every set of parts, whatever the providers pick: the copy defines every cigen_ function it calls and every cigen_
    /// variable it reads (a name ending in '_' is a prefix, cigen_value_NAME), so a line kept in a part whose callee went
    /// into another part fails here. (Which parts a provider takes for an output is not checked here: a record of a part
    /// left out fails the operation as an unknown record.)
    /// </summary>
    [Fact]
    public void Every_set_of_parts_defines_everything_its_code_calls()
    {
        var problems = new List<string>();
        for (var parts = 0; parts <= (int)RuntimeParts.All; parts++)
        {
            if (RuntimeCompleteness.Undefined(CigenRuntime.ScriptFor((RuntimeParts)parts)) is { Count: > 0 } undefined)
            {
                problems.Add($"{(RuntimeParts)parts}: {string.Join(", ", undefined)}");
            }
        }

        problems.Should().BeEmpty();
        RuntimeCompleteness.Undefined("cigen_a() {\n  cigen_b \"$cigen_c\"\n}\n").Should().Equal(["cigen_b", "cigen_c"], "the check sees a missing function and variable");
    }

    [Fact]
    public void A_runtime_without_marker_backends_carries_no_client_and_still_hashes()
    {
        var hashOnly = CigenRuntime.ScriptFor(RuntimeParts.Hash);
        var tree = Directory.CreateTempSubdirectory("cigen-runtime-parts-");
        Directory.CreateDirectory(Path.Combine(tree.FullName, "src"));
        File.WriteAllText(Path.Combine(tree.FullName, "src", "a.txt"), "a");
        File.WriteAllText(Path.Combine(tree.FullName, "runtime.sh"), hashOnly);

        hashOnly.Should().NotContain("aws").And.NotContain("redis-cli").And.NotContain("uname").And.NotContain("cigen_hash_legs").And.NotContain("cigen_ref_kind").And.NotContain("\n# runtime-part: ");
        hashOnly.Split('\n').SkipWhile(l => l.StartsWith('#')).Should().NotContain(l => l.TrimStart().StartsWith('#') && !l.TrimStart().StartsWith("# shellcheck "), "the commentary stays in the source");
        var code = (string s) => s.Split('\n').Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')).ToList();
        code(CigenRuntime.ScriptFor(RuntimeParts.All)).Should().Equal(code(CigenRuntime.Script), "every part keeps every line of code");
        var run = ShellRun.Bash("CIGEN_SPEC=$'job a\\ninclude src/.*\\nmarker m p/' bash runtime.sh hash", tree.FullName);
        tree.Delete(recursive: true);
        run.ExitCode.Should().Be(0, run.StandardError);
        run.Text.Should().MatchRegex("^a_hash=[0-9a-f]{64}\na_lookup=true\nm=p/[0-9a-f]{64}\n$");
    }
}
