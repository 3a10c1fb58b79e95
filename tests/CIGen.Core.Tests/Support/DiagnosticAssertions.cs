using CIGen.Protocol;

namespace CIGen.Core.Tests.Support;

public static class DiagnosticAssertions
{
    /// <summary>Asserts code, place and message words of a diagnostic.</summary>
    public static Diagnostic ShouldBe(this Diagnostic diagnostic, string code, string file, int line, int column, params string[] messageParts)
    {
        var text = LoadResultExtensions.Format(diagnostic);
        diagnostic.Code.Should().Be(code, text);
        (diagnostic.File, diagnostic.Line, diagnostic.Column).Should().Be((file, line, column), text);
        foreach (var part in messageParts)
        {
            diagnostic.Message.Should().Contain(part, text);
        }

        return diagnostic;
    }
}
