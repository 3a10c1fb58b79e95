using System.CommandLine;
using CIGen.Core.Generation;

namespace CIGen.Cli;

/// <summary>The <c>cigen</c> command tree. Built by a factory so tests parse and invoke exactly what users run.</summary>
public static class CigenCommand
{
    public static RootCommand Create() =>
        new(
            $"""
            cigen generates CI configuration (GitHub Actions, ...) from one provider-neutral config in .cigen/ or cigen.yml.

            {ExitCodes.Summary}
            """)
        {
            GenerateCommand.Create(),
            ValidateCommand.Create(),
            HashCommand.Create(),
            PlanCommand.Create(),
            ProvidersCommand.Create(),
        };
}
