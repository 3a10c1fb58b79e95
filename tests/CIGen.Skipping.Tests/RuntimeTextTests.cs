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
}
