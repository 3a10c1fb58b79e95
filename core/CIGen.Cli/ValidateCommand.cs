using System.CommandLine;
using CIGen.Core.Generation;

namespace CIGen.Cli;

/// <summary><c>cigen validate [--config PATH]</c>: diagnostics only; no provider runs, nothing is written.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var command = new Command("validate", "Check the config and print every problem found; runs no provider") { config };
        command.SetAction(parseResult => ConfigValidation.Run(CommonOptions.Console(parseResult), parseResult.GetValue(config)));
        return command;
    }
}
