using System.Diagnostics;

namespace CIGen.EndToEnd.Tests.Support;

/// <summary>
/// Makes a file that a rename cannot replace, for the length of a test: as root (which ignores permissions) by setting
/// the immutable attribute with chattr; as another user by taking write permission from its directory. Either way the
/// failure is the operating system's own, not a simulation.
/// </summary>
public sealed class Unreplaceable : IDisposable
{
    private Action? undo;

    private Unreplaceable(Action undo) => this.undo = undo;

    public static Unreplaceable Make(string path)
    {
        if (Environment.UserName == "root" || Run("id", "-u").Trim() == "0")
        {
            var set = Run("chattr", ["+i", path], check: false);
            Run("lsattr", path).Should().MatchRegex(@"^\S*i\S* ", "chattr +i must work for this test (root on ext4, xfs or btrfs): " + set);
            return new Unreplaceable(() => Run("chattr", "-i", path));
        }

        var directory = Path.GetDirectoryName(path)!;
        var mode = File.GetUnixFileMode(directory);
        File.SetUnixFileMode(directory, mode & ~(UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite));
        return new Unreplaceable(() => File.SetUnixFileMode(directory, mode));
    }

    public void Dispose()
    {
        undo?.Invoke();
        undo = null;
    }

    private static string Run(string program, params string[] arguments) => Run(program, arguments, check: true);

    private static string Run(string program, string[] arguments, bool check)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {output}");
        }

        return output;
    }
}
