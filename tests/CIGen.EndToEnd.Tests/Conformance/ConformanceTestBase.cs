using CIGen.EndToEnd.Tests.Cli;
using CIGen.EndToEnd.Tests.Support;

namespace CIGen.EndToEnd.Tests.Conformance;

/// <summary>Runs <c>cigen providers check</c> as a user would, and reads its report.</summary>
public abstract class ConformanceTestBase : CliTestBase
{
    /// <summary>Every rule, in the order the report prints them.</summary>
    protected static readonly string[] AllRules =
    [
        "handshake", "version-choice", "version-refusal", "generate-result", "stdout-protocol-only", "deterministic",
        "paths-inside-root", "diagnostics-well-formed", "workflows-rendered", "jobs-rendered", "steps-rendered",
        "cancellation", "shutdown", "exit-on-eof", "timeouts",
    ];

    protected Cigen.Result Check(string provider, params string[] options) => Run(["providers", "check", provider, .. options]);

    protected string Flawed(string mode) => ProviderFixtures.InstallFlawed(Providers.Path, mode);

    /// <summary>The rule lines of the report, by rule name: "PASS" or "FAIL: evidence".</summary>
    protected static IReadOnlyDictionary<string, string> Verdicts(Cigen.Result result) =>
        result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.StartsWith("PASS ", StringComparison.Ordinal) || l.StartsWith("FAIL ", StringComparison.Ordinal))
            .ToDictionary(
                l => l[5..].Split(':')[0],
                l => l.StartsWith("PASS ", StringComparison.Ordinal) ? "PASS" : "FAIL:" + l[5..].Split(':', 2)[1]);

    protected static void ShouldPassEveryRule(Cigen.Result result, string provider)
    {
        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            [.. AllRules.Select(r => $"PASS {r}"), $"Provider '{provider}' passes all {AllRules.Length} conformance rules."]);
    }

    /// <summary>Exactly <paramref name="failing"/> fail, the first with <paramref name="evidence"/>; every other rule passes.</summary>
    protected static void ShouldFailExactly(Cigen.Result result, string[] failing, string evidence)
    {
        result.ExitCode.Should().Be(4, result.ToString());
        var verdicts = Verdicts(result);
        verdicts.Keys.Should().Equal(AllRules, "every rule is reported once, in order");
        verdicts.Where(v => v.Value != "PASS").Select(v => v.Key).Should().Equal(failing, result.ToString());
        verdicts[failing[0]].Should().Contain(evidence);
        result.Error.Should().Contain($"error CIG115: provider '").And.Contain($"fails {failing.Length} of {AllRules.Length} conformance rules: {string.Join(", ", failing)}.");
    }

    /// <summary><paramref name="rule"/> fails with <paramref name="evidence"/> (other rules may fail too, for a provider broken in several ways).</summary>
    protected static void ShouldFail(Cigen.Result result, string rule, string evidence)
    {
        result.ExitCode.Should().Be(4, result.ToString());
        Verdicts(result).Should().ContainKey(rule).WhoseValue.Should().StartWith("FAIL:").And.Contain(evidence);
    }
}
