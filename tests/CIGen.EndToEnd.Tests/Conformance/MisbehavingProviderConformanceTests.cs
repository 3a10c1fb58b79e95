namespace CIGen.EndToEnd.Tests.Conformance;

/// <summary>
/// The providers that break the protocol in cigen generate's tests (Providers/misbehaving_provider.py) fail the rule
/// for what they break. They break more than that (they render no jobs, accept any version), so only that rule is
/// asserted here; <see cref="FlawedProviderConformanceTests"/> shows each rule failing alone.
/// </summary>
public sealed class MisbehavingProviderConformanceTests : ConformanceTestBase
{
    [Theory]
    [InlineData("stray", "stdout-protocol-only", "the main session wrote non-protocol output \"hello from a careless provider\"")]
    [InlineData("dotdot", "paths-inside-root", "provider 'dotdot' returned the path '../x.yml': it has a '..' segment")]
    [InlineData("absolute", "paths-inside-root", "provider 'absolute' returned the path '/tmp/cigen-absolute.yml': it is absolute")]
    [InlineData("duplicate", "paths-inside-root", "provider 'duplicate' returned '.bad/a.yml' twice")]
    [InlineData("wrongversion", "handshake", "it chose protocol version 99, outside the offered 2")]
    [InlineData("oldversion", "handshake", "'initialize' offering 2 was answered with error -31001")]
    [InlineData("crash", "generate-result", "'generate' for sample 'delivery' failed: it exited with code 3 (last stderr line: Traceback: something broke)")]
    [InlineData("badresult", "generate-result", "'generate' for sample 'delivery' failed: its answer cannot be read")]
    public void A_protocol_breach_fails_its_rule(string mode, string rule, string evidence)
    {
        Misbehaving(mode);

        ShouldFail(Check(mode), rule, evidence);
    }
}
