using System.Diagnostics;
using CIGen.Provider.CircleCI.Rendering;
using CIGen.Provider.Sdk.Runtime;
using CIGen.Testing.Meaning;
using YamlDotNet.RepresentationModel;

namespace CIGen.Provider.CircleCI.Tests.Fixtures;

/// <summary>
/// Runs the run steps of a rendered config as CircleCI does: cigen's own commands inlined with each use's arguments
/// (<see cref="CircleCiCommands.Inline"/>), each step in <c>bash -eo pipefail</c> with its environment, in
/// <see cref="Repository"/>, with <c>/tmp/cigen/</c> moved to a directory of the test's own and stubs of
/// <c>circleci-agent</c> (<see cref="Halted"/>) and <c>curl</c> (<see cref="Posted"/>) first on the PATH.
/// </summary>
internal sealed class StepRunner : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("cigen-circleci-steps-").FullName;

    public StepRunner()
    {
        Directory.CreateDirectory(Repository);
        Directory.CreateDirectory(State);
        Stub("circleci-agent", $"printf '%s\\n' \"$*\" >> '{root}/agent'\n");
        Stub("curl", $"for a in \"$@\"; do case \"$a\" in @*) cp \"${{a#@}}\" '{root}/posted' ;; esac; done\n");
    }

    /// <summary>The checkout the steps run in.</summary>
    public string Repository => Path.Combine(root, "repo");

    /// <summary>Where <c>/tmp/cigen/</c> is for the steps.</summary>
    public string State => Path.Combine(root, "state");

    public string Bin => Path.Combine(root, "bin");

    /// <summary>True once a step ran <c>circleci-agent step halt</c>.</summary>
    public bool Halted => File.Exists(Path.Combine(root, "agent")) && File.ReadAllText(Path.Combine(root, "agent")).Contains("step halt", StringComparison.Ordinal);

    /// <summary>What the <c>curl</c> stub was given with <c>--data @file</c>.</summary>
    public string Posted => File.ReadAllText(Path.Combine(root, "posted"));

    /// <summary>The file <c>/tmp/cigen/&lt;path&gt;</c> of the steps.</summary>
    public string StateFile(string path) => Path.Combine(State, path);

    public void Write(string path, string content)
    {
        var full = Path.Combine(Repository, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    public void WriteState(string path, string content)
    {
        var full = StateFile(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    public void Stub(string name, string body)
    {
        Directory.CreateDirectory(Bin);
        var path = Path.Combine(Bin, name);
        File.WriteAllText(path, "#!/usr/bin/env bash\n" + body);
        ShellRun.Run("chmod", ["+x", path], Bin).ExitCode.Should().Be(0);
    }

    /// <param name="path">The PATH after the stubs; the machine's when null.</param>
    public (int ExitCode, string Output, string Error) Run(YamlNode step, IReadOnlyDictionary<string, string>? environment = null, string? path = null)
    {
        var settings = Settings(step);
        var start = new ProcessStartInfo("/bin/bash") { WorkingDirectory = Repository, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-eo", "pipefail", "-c", WithRuntime(Text(settings, "command")!) })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(n => n.StartsWith("CIGEN_", StringComparison.Ordinal) || n.StartsWith("CIRCLE", StringComparison.Ordinal)
                     || n.StartsWith("AWS_", StringComparison.Ordinal) || n.StartsWith("GITHUB_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["PATH"] = Bin + Path.PathSeparator + (path ?? Environment.GetEnvironmentVariable("PATH"));
        start.Environment["HOME"] = root;
        if (settings.Children.TryGetValue(new YamlScalarNode("environment"), out var variables))
        {
            foreach (var (name, value) in ((YamlMappingNode)variables).Children)
            {
                start.Environment[((YamlScalarNode)name).Value!] = Moved(((YamlScalarNode)value).Value!);
            }
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit(60_000).Should().BeTrue();
        return (process.ExitCode, output, error.Result);
    }

    public string Moved(string text) => text.Replace("/tmp/cigen/", State + "/", StringComparison.Ordinal);

    /// <summary>
    /// The step's command, with the use of cigen's runtime file pointed at a moved copy of its text (every part) beside the
    /// repository, where it is no file of the checkout's for the job hashes the tests compare.
    /// </summary>
    private string WithRuntime(string command) => CircleCiRuntimeFile.Moved(command, RuntimeFile.Content(".cigen", RuntimeParts.All), State);

    public void Dispose() => Directory.Delete(root, recursive: true);

    /// <summary>The config's jobs with cigen's commands inlined, as CircleCI runs them.</summary>
    public static YamlMappingNode Jobs(string config) => (YamlMappingNode)Load(CircleCiCommands.Inline(config, CircleCiCommands.IsCigens))["jobs"];

    public static YamlMappingNode Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    public static IReadOnlyList<YamlNode> Steps(YamlMappingNode jobs, string job) => [.. (YamlSequenceNode)((YamlMappingNode)jobs[job])["steps"]];

    public static YamlNode Step(YamlMappingNode jobs, string job, string name) => Steps(jobs, job).Single(s => NameOf(s) == name);

    public static string KindOf(YamlNode step) => step is YamlScalarNode scalar ? scalar.Value! : ((YamlScalarNode)((YamlMappingNode)step).Children.Keys.Single()).Value!;

    public static YamlMappingNode Settings(YamlNode step) => (YamlMappingNode)((YamlMappingNode)step).Children.Values.Single();

    public static string? Text(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar ? scalar.Value : null;

    public static string NameOf(YamlNode step) =>
        step is YamlMappingNode mapping && mapping.Children.Values.Single() is YamlMappingNode s && Text(s, "name") is { } name ? name : KindOf(step);
}
