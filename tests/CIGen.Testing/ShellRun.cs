using System.Diagnostics;

namespace CIGen.Testing;

/// <summary>Runs a program (bash, grep, shellcheck) with raw bytes on stdin and collects raw stdout and stderr.</summary>
public static class ShellRun
{
    public sealed record Result(int ExitCode, byte[] StandardOutput, string StandardError)
    {
        public string Text => System.Text.Encoding.UTF8.GetString(StandardOutput);
    }

    public static Result Run(string program, IEnumerable<string> arguments, string workingDirectory, byte[]? standardInput = null, string? pathPrefix = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (pathPrefix is not null)
        {
            start.Environment["PATH"] = pathPrefix + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        }

        using var process = Process.Start(start)!;
        var stdout = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            process.StandardInput.BaseStream.Write(standardInput);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within 30 s.");
        }

        process.WaitForExit();
        copy.Wait();
        return new Result(process.ExitCode, stdout.ToArray(), stderr.Result);
    }

    public static Result Bash(string script, string workingDirectory, string? pathPrefix = null) =>
        Run("bash", ["-c", script], workingDirectory, null, pathPrefix);
}
