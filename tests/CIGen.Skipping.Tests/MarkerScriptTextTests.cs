using CIGen.Core.Skipping;
using CIGen.Skipping.Tests.Support;
using CIGen.Testing;

namespace CIGen.Skipping.Tests;

public sealed class MarkerScriptTextTests
{
    public static TheoryData<MarkerBackend, MarkerOperation> All() => new()
    {
        { MarkerBackend.S3, MarkerOperation.Lookup },
        { MarkerBackend.S3, MarkerOperation.Record },
        { MarkerBackend.Redis, MarkerOperation.Lookup },
        { MarkerBackend.Redis, MarkerOperation.Record },
    };

    [Theory]
    [MemberData(nameof(All))]
    public void Each_function_is_shellcheck_clean_with_every_check_on(MarkerBackend backend, MarkerOperation operation)
    {
        var script = "#!/usr/bin/env bash\n" + MarkerScripts.Function(backend, operation)
            + MarkerScripts.FunctionName(operation) + " \"$CIGEN_SKIP_KEY\"\n";
        Tools.Require("shellcheck", "`apt-get install -y shellcheck`");

        var result = ShellRun.Run("shellcheck", ["--norc", "-s", "bash", "-e", "SC2154", "-"], Path.GetTempPath(), System.Text.Encoding.UTF8.GetBytes(script));

        result.ExitCode.Should().Be(0, result.Text + result.StandardError);
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Each_function_defines_its_operation_s_name_in_a_subshell(MarkerBackend backend, MarkerOperation operation)
    {
        var text = MarkerScripts.Function(backend, operation);

        text.Should().Contain($"\n{MarkerScripts.FunctionName(operation)}() (\n").And.EndWith(")\n");
    }

    [Fact]
    public void Lookup_and_record_can_share_one_script()
    {
        var both = MarkerScripts.Function(MarkerBackend.S3, MarkerOperation.Lookup) + MarkerScripts.Function(MarkerBackend.S3, MarkerOperation.Record)
            + "declare -F cigen_marker_lookup cigen_marker_record\n";

        var result = ShellRun.Bash(both, Path.GetTempPath());

        result.ExitCode.Should().Be(0, result.StandardError);
        result.Text.Should().Be("cigen_marker_lookup\ncigen_marker_record\n");
    }
}
