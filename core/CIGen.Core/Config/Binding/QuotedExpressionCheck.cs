using CIGen.Core.Config.Yaml;
using CIGen.Provider.Sdk.Expressions;

namespace CIGen.Core.Config.Binding;

/// <summary>
/// Warns about a <c>${{ … }}</c> inside single quotes of a bash run script (<see cref="SingleQuotedExpressions"/>):
/// GitHub leaves it unexpanded, CircleCI expands what it writes into the script text, so one config would mean two
/// things. Checked once here, for every provider.
/// </summary>
internal static class QuotedExpressionCheck
{
    public static void Check(ConfigNode? scriptNode, string? shell, NodeReader reader)
    {
        if (scriptNode is not ScalarNode { Type: ScalarType.String } script || !Bash(shell))
        {
            return;
        }

        foreach (var expression in SingleQuotedExpressions.In(script.Value))
        {
            var text = script.Value[expression.Start..expression.End];
            reader.Warning(DiagnosticCodes.ExpressionInSingleQuotes, script.LocationOf(expression.Start),
                $"`{text}` is inside single quotes in this run script: GitHub passes it to the script as a variable, which bash does not expand there "
                + $"(the script sees `${{NAME}}` as text), while CircleCI writes matrix values and parameters into the script itself; put it in double quotes (\"{text}\") so every provider uses the value");
        }
    }

    /// <summary>No shell (bash on both providers), or bash/sh with or without options.</summary>
    private static bool Bash(string? shell) =>
        shell is null || shell.Split(' ', 2)[0] is "bash" or "sh" or "/bin/bash" or "/bin/sh" or "/usr/bin/env";
}
