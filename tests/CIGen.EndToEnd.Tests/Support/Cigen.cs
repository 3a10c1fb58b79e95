using System.Diagnostics;

namespace CIGen.EndToEnd.Tests.Support;

/// <summary>Runs the built <c>cigen</c> executable (it lands beside the test assembly) as a user would.</summary>
public static class Cigen
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
    }

    public static string Executable { get; } = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "cigen.exe" : "cigen");

    /// <param name="environment">Variables to set (or, with a null value, remove) on top of the test's environment.</param>
    /// <param name="launcher">A program and its arguments that run cigen (its path and arguments follow them).</param>
    public static Result Run(
        string workingDirectory,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        IReadOnlyList<string>? launcher = null)
    {
        var start = new ProcessStartInfo(launcher is [var program, ..] ? program : Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in launcher is null ? arguments : [.. launcher.Skip(1), Executable, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        // Keep the machine's provider search path out of the tests.
        start.Environment.Remove("CIGEN_PROVIDER_PATH");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"cigen {string.Join(' ', arguments)} did not finish within 90 s.");
        }

        process.WaitForExit();
        return new Result(process.ExitCode, output.Result, error.Result);
    }
}
