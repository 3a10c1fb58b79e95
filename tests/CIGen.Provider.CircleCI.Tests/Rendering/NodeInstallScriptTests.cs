using System.Diagnostics;
using CIGen.Protocol;
using CIGen.Provider.CircleCI.Tests.Fixtures;
using YamlDotNet.RepresentationModel;

namespace CIGen.Provider.CircleCI.Tests.Rendering;

/// <summary>
/// The step that installs a Node.js version no CircleCI image has, taken from a rendered config and run with bash
/// against a local copy of nodejs.org's release index (<c>NODE_DIST=file://…</c>): it picks the release the version
/// means, unpacks it and puts it on the PATH of the job's later steps through <c>$BASH_ENV</c>.
/// </summary>
public sealed class NodeInstallScriptTests : IDisposable
{
    // Newest first, as nodejs.org lists them; column 10 is the LTS codename.
    private static readonly string[] Releases =
    [
        "v23.1.0\t2024-10-24\tlinux-x64\t10.9.0\t12.9\t1.49.1\t1.3.0.1-motley\t3.0.15+quic\t131\t-\t-",
        "v22.11.0\t2024-10-29\tlinux-x64\t10.9.0\t12.4\t1.49.1\t1.3.0.1-motley\t3.0.15+quic\t127\tJod\t-",
        "v20.18.0\t2024-10-03\tlinux-x64\t10.8.2\t11.3\t1.46.0\t1.3.0.1-motley\t3.0.13+quic\t115\tIron\t-",
        "v20.11.1\t2024-02-14\tlinux-x64\t10.2.4\t11.3\t1.46.0\t1.3.0.1-motley\t3.0.13+quic\t115\tIron\t-",
        "v20.1.0\t2023-05-03\tlinux-x64\t9.6.4\t11.3\t1.44.2\t1.2.13\t3.0.8+quic\t115\t-\t-",
    ];

    private readonly string root = Directory.CreateTempSubdirectory("cigen-node-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Theory]
    [InlineData("20", "v20.18.0")]
    [InlineData("20.11", "v20.11.1")]
    [InlineData("v20.1", "v20.1.0")]
    [InlineData("20.x", "v20.18.0")]
    [InlineData("lts/*", "v22.11.0")]
    [InlineData("lts/iron", "v20.18.0")]
    [InlineData("latest", "v23.1.0")]
    public void Installs_the_newest_release_the_version_means_for_the_later_steps(string wanted, string installed)
    {
        var run = Install(wanted);

        run.ExitCode.Should().Be(0, run.StandardError);
        var node = ShellRun.Bash($"export HOME={Quote(Path.Combine(root, "home"))} && source {Quote(Path.Combine(root, "bash_env"))} && node", root);
        node.Text.Trim().Should().Be(installed, "the later steps find the installed node first on their PATH");
    }

    [Fact]
    public void Fails_naming_the_version_when_no_release_matches()
    {
        var run = Install("21");

        run.ExitCode.Should().NotBe(0);
        run.StandardError.Should().Contain("no release matches '21'");
    }

    private ShellRun.Result Install(string version)
    {
        WriteDist();
        var step = RenderedStep(version);
        var environment = string.Join(" ", step.Environment.Select(e => $"{e.Key}={Quote(e.Value)}"));
        var script = Path.Combine(root, "install.sh");
        File.WriteAllText(script, step.Command);
        return ShellRun.Bash(
            $"env HOME={Quote(Path.Combine(root, "home"))} BASH_ENV={Quote(Path.Combine(root, "bash_env"))} NODE_DIST={Quote("file://" + Path.Combine(root, "dist"))} {environment} bash -eo pipefail {Quote(script)}",
            root);
    }

    /// <summary>The release index and, per release, a tarball whose <c>bin/node</c> prints its version.</summary>
    private void WriteDist()
    {
        var dist = Directory.CreateDirectory(Path.Combine(root, "dist")).FullName;
        File.WriteAllLines(Path.Combine(dist, "index.tab"), ["version\tdate\tfiles\tnpm\tv8\tuv\tzlib\topenssl\tmodules\tlts\tsecurity", .. Releases]);
        foreach (var version in Releases.Select(r => r.Split('\t')[0]))
        {
            foreach (var arch in new[] { "x64", "arm64" })
            {
                var name = $"node-{version}-linux-{arch}";
                var bin = Directory.CreateDirectory(Path.Combine(root, "build", name, "bin")).FullName;
                File.WriteAllText(Path.Combine(bin, "node"), $"#!/bin/sh\necho {version}\n");
                ShellRun.Run("chmod", ["+x", Path.Combine(bin, "node")], root).ExitCode.Should().Be(0);
                Directory.CreateDirectory(Path.Combine(dist, version));
                var tar = Process.Start("tar", ["-czf", Path.Combine(dist, version, name + ".tar.gz"), "-C", Path.Combine(root, "build"), name])!;
                tar.WaitForExit();
                tar.ExitCode.Should().Be(0);
            }
        }
    }

    /// <summary>
    /// The setup step of a job asking for node <paramref name="version"/>, as the rendered config has it: with .NET,
    /// whose SDK image has no node variant, so that the job installs node whatever the version.
    /// </summary>
    private static (string Command, IReadOnlyDictionary<string, string> Environment) RenderedStep(string version)
    {
        var node = new PackageUse { Name = "node", Version = version, SetupVersion = version };
        var job = G.Job("a", new SetupPackageStep { Name = "Set up Node.js", Package = node, Source = G.At(".cigen/workflows/ci/jobs/a.yml", 3) })
            with { Packages = [new PackageUse { Name = "dotnet", SetupVersion = "10.0" }, node] };
        var yaml = new YamlStream();
        yaml.Load(new StringReader(Render.Jobs(job)));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var use = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)root["jobs"])["a"])["steps"])[0];
        var argument = ((YamlScalarNode)((YamlMappingNode)use["cigen_install_node"])["version"]).Value!;
        var command = (YamlMappingNode)((YamlMappingNode)root["commands"])["cigen_install_node"];
        var run = (YamlMappingNode)((YamlMappingNode)((YamlSequenceNode)command["steps"])[0])["run"];
        // CircleCI puts the job's argument where the command says << parameters.version >>.
        var environment = ((YamlMappingNode)run["environment"]).ToDictionary(
            e => ((YamlScalarNode)e.Key).Value!,
            e => ((YamlScalarNode)e.Value).Value!.Replace("<< parameters.version >>", argument, StringComparison.Ordinal));
        return (((YamlScalarNode)run["command"]).Value!, environment);
    }

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
