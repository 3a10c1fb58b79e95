using System.CommandLine;
using System.CommandLine.Help;
using CIGen.Cli;
using CIGen.Core.Generation;

namespace CIGen.EndToEnd.Tests.Cli;

/// <summary>
/// Walks every option of every command of the real command tree with values that cannot be right, and a few bad
/// combinations: each one exits 1 with one line on stderr that names the problem and the command's help — never a
/// stack trace, never a file written.
/// </summary>
public sealed class BadOptionTests : CliTestBase
{
    /// <summary>Values no option that takes a number accepts.</summary>
    private static readonly string[] BadNumbers = ["abc", "1e9", "99999999999", "-1", "0", "", " 5", "0x10", "5s"];

    public static TheoryData<string[]> BadCommandLines() => [.. Lines()];

    private static List<string[]> Lines()
    {
        var lines = new List<string[]>();
        foreach (var (path, command) in Commands(CigenCommand.Create(), []))
        {
            lines.Add([.. path, "--no-such-option"]);
            if (command.Arguments.Count == 0)
            {
                lines.Add([.. path, "stray-argument"]);
            }

            foreach (var option in command.Options.Where(option => option is not HelpOption and not VersionOption))
            {
                if (option.ValueType == typeof(bool))
                {
                    lines.Add([.. path, $"{option.Name}=maybe"]);
                    continue;
                }

                // The option as the last word: its value is missing.
                lines.Add([.. path, option.Name]);
                if (option.ValueType == typeof(int))
                {
                    foreach (var value in BadNumbers)
                    {
                        lines.Add([.. path, option.Name, value]);
                    }
                }
            }
        }

        lines.Add([]);
        lines.Add(["--no-such-option"]);
        lines.Add(["providers", "check", "--provider-timeout", "5", "--unknown"]);
        lines.Add(["hash"]);
        return lines;
    }

    [Theory]
    [MemberData(nameof(BadCommandLines))]
    public void A_bad_command_line_exits_1_with_one_line_of_usage_error(string[] arguments)
    {
        var result = Run(arguments);

        result.ExitCode.Should().Be(ExitCodes.Usage, result.ToString());
        result.Error.Should().NotContain("Unhandled exception").And.NotContain("   at ");
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().ContainSingle(result.ToString())
            .Which.Should().MatchRegex(@"^cigen( [a-z]+)*: .+ Run 'cigen( [a-z]+)* --help' for usage\.$");
        result.Output.Should().BeEmpty();
        ShouldHaveWrittenNothing();
    }

    [Fact]
    public void The_walk_covers_a_number_option_of_every_command_that_has_one()
    {
        Lines().Should()
            .Contain(arguments => arguments.SequenceEqual(new[] { "generate", "--provider-timeout", "abc" }))
            .And.Contain(arguments => arguments.SequenceEqual(new[] { "providers", "check", "--provider-timeout", "99999999999" }));
    }

    private static IEnumerable<(string[] Path, Command Command)> Commands(Command command, string[] path)
    {
        if (command is not RootCommand)
        {
            yield return (path, command);
        }

        foreach (var sub in command.Subcommands)
        {
            foreach (var nested in Commands(sub, [.. path, sub.Name]))
            {
                yield return nested;
            }
        }
    }
}
