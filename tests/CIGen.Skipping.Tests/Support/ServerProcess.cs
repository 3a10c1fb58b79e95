using System.Diagnostics;
using System.Text;

namespace CIGen.Skipping.Tests.Support;

/// <summary>A server started in the foreground for a test class, ready once it printed a line, killed on dispose.</summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    /// <param name="ready">Picks the line that says the server is ready, and returns what the caller needs from it.</param>
    public ServerProcess(string program, IEnumerable<string> arguments, Func<string, string?> ready)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var readyLine = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process = new Process { StartInfo = start };
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (ready(e.Data) is { } value)
            {
                readyLine.TrySetResult(value);
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        var first = Task.WhenAny(readyLine.Task, exited, Task.Delay(TimeSpan.FromSeconds(20))).GetAwaiter().GetResult();
        if (first != readyLine.Task)
        {
            Dispose();
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} did not start ({(first == exited ? $"exit {process.ExitCode}" : "not ready within 20 s")}):\n{Output}");
        }

        ReadyValue = readyLine.Task.Result;
    }

    public string ReadyValue { get; }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }
}
