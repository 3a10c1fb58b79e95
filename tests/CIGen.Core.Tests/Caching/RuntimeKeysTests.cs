using System.Text.RegularExpressions;
using System.Text;
using CIGen.Core.Caching;
using CIGen.Core.Files;
using CIGen.Core.Tests.Files;
using CIGen.Core.Tests.Support;
using CIGen.Protocol;
using CIGen.Provider.Sdk.Runtime;
using CIGen.Testing;

namespace CIGen.Core.Tests.Caching;

/// <summary>The runtime's <c>keys</c>, run with real bash on fixture trees with the records a key_values step passes.</summary>
public class RuntimeKeysTests
{
    // The design's built-in version sources (design5.md), as the config layer will hand them over.
    private static readonly ToolVersion Ruby = new("ruby",
        [new(".ruby-version"), new(".tool-versions", "^ruby[[:space:]]+([^[:space:]]+)"), new(Command: "ruby --version")]);

    private static readonly ToolVersion Bundler = new("bundler",
        [new("Gemfile.lock", "^   ([0-9][0-9.]*)$"), new(Command: "bundle --version")]);

    private static readonly ToolVersion Node = new("node",
        [new(".nvmrc"), new(".node-version"), new(".tool-versions", "^nodejs?[[:space:]]+([^[:space:]]+)"), new(Command: "node --version")]);

    private static readonly ToolVersion Pnpm = new("pnpm",
        [new("package.json", "\"packageManager\"[[:space:]]*:[[:space:]]*\"pnpm@([^\"+]+)"), new(Command: "pnpm --version")]);

    private static readonly ToolVersion Rust = new("rust",
        [new("rust-toolchain.toml", "^[[:space:]]*channel[[:space:]]*=[[:space:]]*\"([^\"]+)\""), new("rust-toolchain"), new(Command: "rustc --version")]);

    private static readonly ToolVersion Go = new("go",
        [new("go.mod", "^toolchain go([0-9][^[:space:]]*)"), new("go.mod", "^go ([0-9][^[:space:]]*)"), new(Command: "go version")]);

    private static readonly ToolVersion Dotnet = new("dotnet",
        [new("global.json", "\"version\"[[:space:]]*:[[:space:]]*\"([^\"]+)\""), new(Command: "dotnet --version")]);

    [Theory]
    [InlineData(".tool-versions", "nodejs 20.1.0\nruby 3.3.5\n", "ruby", "3.3.5")]
    [InlineData(".ruby-version", "# pinned\n\nruby-3.3.5\n", "ruby", "3.3.5")]
    [InlineData(".nvmrc", "v20.11.0\n", "node", "20.11.0")]
    [InlineData(".nvmrc", "v20.11.0", "node", "20.11.0")]
    [InlineData(".node-version", "20.11.0\r\n", "node", "20.11.0")]
    [InlineData("Gemfile.lock", "GEM\n  specs:\n    rake (13.0.6)\n\nBUNDLED WITH\n   2.5.6\n", "bundler", "2.5.6")]
    [InlineData("package.json", "{\n  \"name\": \"x\",\n  \"packageManager\": \"pnpm@9.1.0+sha512.abc\"\n}\n", "pnpm", "9.1.0")]
    [InlineData("rust-toolchain.toml", "[toolchain]\nchannel = \"1.88.0\"\ncomponents = [\"clippy\"]\n", "rust", "1.88.0")]
    [InlineData("rust-toolchain", "1.79\n", "rust", "1.79")]
    [InlineData("go.mod", "module x\n\ngo 1.22\n\ntoolchain go1.22.3\n", "go", "1.22.3")]
    [InlineData("go.mod", "module x\n\ngo 1.22.1\n", "go", "1.22.1")]
    [InlineData("global.json", "{ \"sdk\": { \"version\": \"10.0.100\", \"rollForward\": \"latestFeature\" } }\n", "dotnet", "10.0.100")]
    public void Reads_versions_from_files(string file, string content, string tool, string expected)
    {
        using var tree = new DigestTree((file, content));
        var run = Run(tree, [Ruby, Bundler, Node, Pnpm, Rust, Go, Dotnet]);
        run.Values[tool].Should().Be(expected);
    }

    [Theory]
    [InlineData("  # 3.2\n3.3.5\n")]
    [InlineData("# pinned\n\t\n ruby-3.3.5 \n")]
    [InlineData("\n\n3.1.4\r\n")]
    public void The_generate_time_reader_agrees_with_the_runtime(string content)
    {
        using var tree = new DigestTree((".ruby-version", content));
        var run = Run(tree, [new ToolVersion("ruby", [new(".ruby-version")])]);

        VersionText.FromFile(content, [new VersionProbe(".ruby-version")]).Should().Be(run.Values["ruby"]);
    }

    [Fact]
    public void A_file_without_a_version_number_falls_through_to_the_command()
    {
        using var tree = new DigestTree((".nvmrc", "lts/iron\n"));
        var bin = FakeCommands(tree, ("node", "echo v20.11.1"));

        Run(tree, [Node], pathPrefix: bin).Values["node"].Should().Be("20.11.1");
    }

    [Fact]
    public void Command_output_includes_stderr_and_failing_commands_count_as_missing()
    {
        using var tree = new DigestTree();
        var bin = FakeCommands(tree,
            ("java-like", "echo 'openjdk version \"21.0.2\" 2024-01-16' >&2"),
            ("broken", "echo 'version 1.2.3 is broken' ; exit 3"));
        var tools = new ToolVersion[]
        {
            new("java", [new(Command: "java-like -version")]),
            new("broken", [new(Command: "broken --version")]),
            new("missing", [new(Command: "cigen-no-such-command --version")]),
            new("commented", [new(Command: "java-like # a comment")]),
            new("piped", [new(Command: "echo 'x 4.5.6 y' | cut -d' ' -f2")]),
        };

        var run = Run(tree, tools, pathPrefix: bin);

        run.Values["java"].Should().Be("21.0.2");
        run.Values["broken"].Should().Be("unknown");
        run.Values["missing"].Should().Be("unknown");
        run.Values["commented"].Should().Be("21.0.2");
        run.Values["piped"].Should().Be("4.5.6");
        run.StandardError.Should().Contain("broken").And.Contain("missing").And.NotContain("java");
    }

    [Fact]
    public void Missing_version_prints_unknown_and_warns()
    {
        using var tree = new DigestTree(("package.json", "{}\n"));
        var run = Run(tree, [new ToolVersion("pnpm", [Pnpm.Probes[0]]), new ToolVersion("nothing", [])]);

        run.Values["pnpm"].Should().Be("unknown");
        run.Values["nothing"].Should().Be("unknown");
        run.StandardError.Should().Contain("warning").And.Contain("pnpm").And.Contain("nothing");
    }

    [Fact]
    public void File_names_and_patterns_with_quotes_are_safe()
    {
        using var tree = new DigestTree(("it's $(echo no) `v`.txt", "version: '7.8'\n"));
        var tool = new ToolVersion("odd", [new("it's $(echo no) `v`.txt", "^version: '([0-9.]+)'$")]);

        Run(tree, [tool]).Values["odd"].Should().Be("7.8");
    }

    [Fact]
    public void Prints_os_arch_and_os_version_of_this_machine_first()
    {
        using var tree = new DigestTree();
        var run = Run(tree, [Node], [new FilesDigest("files_x", ["*.none"])]);

        run.Names.Should().Equal("os", "os_version", "arch", "node", "files_x");
        run.Values["os"].Should().Be(OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsMacOS() ? "macos" : "windows");
        var machine = ShellRun.Bash("uname -m", tree.Root).Text.Trim();
        run.Values["arch"].Should().Be(machine switch { "x86_64" or "amd64" => "x64", "aarch64" or "arm64" => "arm64", _ => machine });
        if (File.Exists("/etc/os-release"))
        {
            var release = File.ReadAllLines("/etc/os-release").Select(l => l.Split('=', 2)).Where(p => p.Length == 2)
                .ToDictionary(p => p[0], p => p[1].Trim('"', '\''));
            run.Values["os_version"].Should().Be(release.GetValueOrDefault("ID") + release.GetValueOrDefault("VERSION_ID"));
        }

        run.Values["os_version"].Should().MatchRegex("^[A-Za-z0-9._-]+$");
        run.Values["files_x"].Should().Be(TreeDigest.Empty);
    }

    [Fact]
    public void Digest_equals_the_csharp_digest_on_an_awkward_tree()
    {
        using var tree = DigestTree.Awkward();
        var run = Run(tree, [], [new FilesDigest("files_gems", DigestTree.AwkwardGlobs), new FilesDigest("files_all", ["**"])]);

        var expected = TreeDigest.Compute(tree.Root, GlobSet.Parse(DigestTree.AwkwardGlobs));
        expected.Should().NotBe(TreeDigest.Empty);
        run.Values["files_gems"].Should().Be(expected);
        run.Values["files_all"].Should().Be(TreeDigest.Compute(tree.Root, GlobSet.Parse(["**"])));
    }

    [Fact]
    public void A_multi_line_command_with_a_comment_is_one_record_and_runs_as_written()
    {
        using var tree = new DigestTree();
        var tool = new ToolVersion("multi", [new(Command: "a='1.2'\necho \"v$a.3\" # why")]);

        Spec([tool], []).Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(2, "a record is one line");
        Run(tree, [tool]).Values["multi"].Should().Be("1.2.3");
    }

    [Theory]
    [InlineData("skip", new[] { "os", "os_version", "arch", "node" })]
    [InlineData("", new[] { "os", "os_version", "arch", "node", "files_x" })]
    public void Digests_are_left_out_when_the_step_says_so(string setting, string[] names)
    {
        using var tree = new DigestTree(("a.txt", "a"));

        var result = RuntimeRun.Run(CigenRuntime.Keys, Spec([Node], [new FilesDigest("files_x", ["*.txt"])]), tree.Root,
            new Dictionary<string, string?> { [CigenRuntime.DigestsVariable] = setting });

        result.ExitCode.Should().Be(0, result.StandardError);
        result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=')[0]).Should().Equal(names);
    }

    [Fact]
    public void The_records_name_each_value_and_its_probes_in_order()
    {
        Spec([Node], [new FilesDigest("files_node_modules", ["package.json", "!x"])]).Should().Be(
            "tool node\nfile .nvmrc\nfile .node-version\nfile .tool-versions '^nodejs?[[:space:]]+([^[:space:]]+)'\n" +
            "command 'node --version'\ndigest files_node_modules\ninclude 'package\\.json'\nexclude x\n");
    }

    [Fact]
    public void A_join_concatenates_text_and_earlier_values_into_a_keys_fixed_prefix()
    {
        using var tree = new DigestTree((".nvmrc", "20.1.0\n"));
        KeyPart Text(string text) => new KeyPart.Literal(text);
        KeyPart Value(string name) => new KeyPart.Value(name);
        var join = new KeyValue.Join("modules_key", [Value("os"), Text("-modules-node"), Value("node"), Text("-")]);

        var run = Run(tree, [new ToolVersion("node", [new(".nvmrc")])], extra: [join]);

        run.Values["modules_key"].Should().Be($"{run.Values["os"]}-modules-node20.1.0-");
    }

    [Fact]
    public void A_short_join_carries_its_parts_on_its_own_record_texts_together_and_a_long_one_writes_a_record_each()
    {
        using var tree = new DigestTree((".nvmrc", "20.1.0\n"));
        KeyPart Text(string text) => new KeyPart.Literal(text);
        KeyPart Value(string name) => new KeyPart.Value(name);
        KeyPart Env(string name) => new KeyPart.Env(name);
        var shortJoin = new KeyValue.Join("a_key", [Value("os"), Text("-a b-"), Text("node"), Value("node"), Env("LEG"), Text("")]);
        var longJoin = new KeyValue.Join("b_key", [Value("os"), Text(new string('x', 150)), Value("node")]);

        var spec = RuntimeSpec.Keys([shortJoin, longJoin]);
        var result = RuntimeRun.Run(CigenRuntime.Keys, "tool node\nfile .nvmrc\n" + spec, tree.Root, new Dictionary<string, string?> { ["LEG"] = "x86" });

        spec.Should().Be($"join a_key value=os 'text=-a b-node' value=node env=LEG text=\njoin b_key\nvalue os\ntext {new string('x', 150)}\nvalue node\n");
        result.ExitCode.Should().Be(0, result.StandardError);
        var values = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        values["a_key"].Should().Be($"{values["os"]}-a b-node20.1.0x86");
        values["b_key"].Should().Be($"{values["os"]}{new string('x', 150)}20.1.0");
    }

    [Theory]
    [InlineData("join a_key checksum=x")]
    [InlineData("join a_key text")]
    [InlineData("tool node text=x")]
    public void A_part_that_is_not_text_value_or_env_on_a_join_fails_the_step(string record)
    {
        using var tree = new DigestTree(("a", "a"));

        RuntimeRun.Run(CigenRuntime.Keys, record + "\n", tree.Root).ExitCode.Should().NotBe(0);
    }

    private sealed record ScriptRun(IReadOnlyList<string> Names, IReadOnlyDictionary<string, string> Values, string StandardError);

    private static ScriptRun Run(DigestTree tree, IReadOnlyList<ToolVersion> tools, IReadOnlyList<FilesDigest>? digests = null, string? pathPrefix = null, IReadOnlyList<KeyValue>? extra = null)
    {
        var result = RuntimeRun.Run(CigenRuntime.Keys, Spec(tools, digests ?? [], extra), tree.Root, pathPrefix: pathPrefix);
        result.ExitCode.Should().Be(0, result.StandardError);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().AllSatisfy(l => l.Should().MatchRegex("^[A-Za-z0-9_]+=[A-Za-z0-9._-]+$"));
        var pairs = lines.Select(l => l.Split('=', 2)).ToList();
        return new ScriptRun([.. pairs.Select(p => p[0])], pairs.ToDictionary(p => p[0], p => p[1]), result.StandardError);
    }

    /// <summary>The records a key_values step with these values passes, as the core describes the values.</summary>
    private static string Spec(IReadOnlyList<ToolVersion> tools, IReadOnlyList<FilesDigest> digests, IReadOnlyList<KeyValue>? extra = null) => RuntimeSpec.Keys(
    [
        .. tools.Select(t => new KeyValue.Tool(t.Value, t.Probes)),
        .. digests.Select(d => GlobSet.Parse(d.Globs)).Zip(digests, (globs, d) =>
            new KeyValue.Digest(d.Value, globs.IncludeEres, globs.ExcludeEres)),
        .. extra ?? [],
    ]);

    /// <summary>Executables written to the tree's .bin directory, to put first on PATH.</summary>
    private static string FakeCommands(DigestTree tree, params (string Name, string Body)[] commands)
    {
        var bin = Path.Combine(tree.Root, ".bin");
        Directory.CreateDirectory(bin);
        foreach (var (name, body) in commands)
        {
            var path = Path.Combine(bin, name);
            File.WriteAllText(path, "#!/usr/bin/env bash\n" + body + "\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        return bin;
    }
}
