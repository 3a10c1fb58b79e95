using CIGen.Core.Output;
using CIGen.Protocol;

namespace CIGen.Core.Generation;

/// <summary>
/// <c>cigen generate</c>: config → graph → every provider at once → checked files → written (or compared, with
/// <c>--check</c>). All or nothing: a failed provider, an error diagnostic or a bad path means no file is touched.
/// </summary>
public static class Generator
{
    public static async Task<int> RunAsync(CommandConsole console, GenerateRequest request, CancellationToken cancellationToken)
    {
        var (config, exitCode) = ConfigStage.Load(console, request.ConfigPath);
        if (config is null)
        {
            return NothingWritten(console, exitCode);
        }

        var (providers, selectionExit) = ProviderSelection.Resolve(console, request.Providers, config);
        if (providers is null)
        {
            return NothingWritten(console, selectionExit);
        }

        var runs = await ProviderRun.RunAllAsync(providers, config.Graph, config.GenerateOptions, request.HostOptions, console.Error, cancellationToken);

        var failed = false;
        var errors = false;
        foreach (var run in runs)
        {
            foreach (var diagnostic in run.Result?.Diagnostics ?? [])
            {
                console.Error.WriteLine(DiagnosticFormatter.Format(diagnostic, config.Location.Root, console.CurrentDirectory, run.Executable.Name));
                errors |= DiagnosticFormatter.IsError(diagnostic);
            }

            if (run.Failure is { } failure)
            {
                console.Error.WriteLine($"error {failure.Code}: {failure.Message}");
                failed = true;
            }
        }

        if (failed || errors)
        {
            return NothingWritten(console, failed ? ExitCodes.ProviderFailure : ExitCodes.ConfigInvalid);
        }

        var outputRoot = request.OutputDirectory is { } output
            ? Path.GetFullPath(Path.Combine(console.CurrentDirectory, output))
            : config.Location.Root;
        var assembled = OutputAssembler.Assemble(
            runs.Select(r => new ProviderFiles(r.Executable.Name, r.Result!.Files)),
            outputRoot,
            config.Graph.ConfigSource);
        if (PrintErrors(console, assembled.Errors))
        {
            return NothingWritten(console, ExitCodes.ProviderFailure);
        }

        var stale = StaleFiles.Find(outputRoot, runs.SelectMany(r => r.Outputs), assembled.Files, config.Graph.ConfigSource);
        return request.Check ? Check(console, outputRoot, assembled.Files, stale) : Write(console, outputRoot, assembled.Files, stale, request.Force);
    }

    private static int Check(CommandConsole console, string outputRoot, IReadOnlyList<GeneratedFile> files, IReadOnlyList<string> stale)
    {
        var drift = DriftCheck.Check(outputRoot, files, stale);
        foreach (var file in drift)
        {
            console.Out.Write(file.Diff);
        }

        if (drift.Count == 0)
        {
            console.Out.WriteLine($"{files.Count} generated file(s) up to date.");
            return ExitCodes.Success;
        }

        foreach (var file in drift)
        {
            var state = file.Stale ? "no longer generated" : file.Missing ? "missing" : "out of date";
            console.Error.WriteLine($"{state}: {console.Show(Path.Combine(outputRoot, file.Path))}");
        }

        // Stale files are not among the generated ones, so they are counted apart ("4 of 3" read as nonsense).
        var changed = drift.Count(file => !file.Stale);
        var staleNote = drift.Count > changed ? $" and {drift.Count - changed} stale file(s) would be deleted" : "";
        console.Error.WriteLine($"{changed} of {files.Count} generated file(s) would change{staleNote}; run `cigen generate` and commit the result.");
        return ExitCodes.Drift;
    }

    private static int Write(CommandConsole console, string outputRoot, IReadOnlyList<GeneratedFile> files, IReadOnlyList<string> stale, bool force)
    {
        var result = OutputWriter.Write(outputRoot, files, stale, force);
        foreach (var path in result.Written)
        {
            console.Out.WriteLine($"wrote {console.Show(Path.Combine(outputRoot, path))}");
        }

        foreach (var path in result.Deleted)
        {
            console.Out.WriteLine($"deleted {console.Show(Path.Combine(outputRoot, path))} (no longer generated)");
        }

        if (PrintErrors(console, result.Errors))
        {
            return NothingWritten(console, ExitCodes.ProviderFailure);
        }

        var deleted = result.Deleted.Count > 0 ? $", {result.Deleted.Count} deleted" : "";
        console.Out.WriteLine($"{result.Written.Count} file(s) written, {result.Unchanged.Count} unchanged{deleted}.");
        return ExitCodes.Success;
    }

    private static bool PrintErrors(CommandConsole console, IReadOnlyList<Diagnostic> errors)
    {
        foreach (var error in errors)
        {
            console.Error.WriteLine(DiagnosticFormatter.Format(error, console.CurrentDirectory, console.CurrentDirectory));
        }

        return errors.Count > 0;
    }

    private static int NothingWritten(CommandConsole console, int exitCode)
    {
        console.Error.WriteLine("cigen: nothing was written.");
        return exitCode;
    }
}
