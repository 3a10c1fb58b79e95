using System.CommandLine;
using CIGen.Core.Generation;

namespace CIGen.Cli;

/// <summary>
/// How a command line that does not parse is reported: one line on stderr naming every problem and where the usage is,
/// exit code <see cref="ExitCodes.Usage"/>. System.CommandLine's default prints the whole help after the errors, which
/// buries the one line that matters in a CI log.
/// </summary>
internal static class UsageErrors
{
    public static int Report(ParseResult parseResult, TextWriter error)
    {
        var command = CommandPath(parseResult.CommandResult.Command);
        var problems = string.Join(" ", parseResult.Errors.Select(problem => OneLine(problem.Message)));
        error.WriteLine($"{command}: {problems} Run '{command} --help' for usage.");
        return ExitCodes.Usage;
    }

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Symbol? symbol = command; symbol is Command named; symbol = symbol.Parents.FirstOrDefault())
        {
            names.Add(named is RootCommand ? "cigen" : named.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }

    private static string OneLine(string message)
    {
        var text = string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return text.EndsWith('.') ? text : text + ".";
    }
}
