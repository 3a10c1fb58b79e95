using CIGen.Core.Config;
using CIGen.Core.Hashing;
using CIGen.Core.Skipping;
using CIGen.Protocol;
using CIGen.Provider.Sdk.Runtime;

namespace CIGen.Skipping.Tests.Support;

/// <summary>
/// A small project in a temporary directory with one skippable job, <c>ci/build</c>, in a split <c>.cigen/</c> config:
/// <c>source_files: [src/**, '*.csproj', '!src/**/*.md']</c>, legs for amd64 and arm64, and a command it uses
/// (<c>compile</c>) beside one it does not (<c>publish</c>). Loaded with the real config loader, as <c>cigen</c> does.
/// </summary>
public sealed class SimulatedRepository : IDisposable
{
    public const string Workflow = "ci";
    public const string JobId = "build";
    public const string ConfigFile = ".cigen/config.yml";
    public const string JobFile = ".cigen/workflows/ci/jobs/build.yml";
    public const string UsedCommandFile = ".cigen/commands/compile.yml";
    public const string UnusedCommandFile = ".cigen/commands/publish.yml";

    /// <summary>The files of a fresh project; <paramref name="salt"/> (in a source file) keeps its markers apart from other tests'.</summary>
    public static SortedDictionary<string, string> InitialFiles(string salt) => new(StringComparer.Ordinal)
    {
        [ConfigFile] = "providers: [github-actions]\n",
        [JobFile] = """
            source_files: ['src/**', '*.csproj', '!src/**/*.md']
            architectures: [amd64, arm64]
            steps:
              - checkout
              - compile
              - run: make test

            """,
        [UsedCommandFile] = "steps:\n  - run: make build\n",
        [UnusedCommandFile] = "steps:\n  - run: make publish\n",
        ["app.csproj"] = "<Project />\n",
        ["src/salt.txt"] = salt + "\n",
        ["src/main.c"] = "int main(void) { return 0; }\n",
        ["src/lib/util.c"] = "int util(void) { return 1; }\n",
        ["src/lib/NOTES.md"] = "notes\n",
        ["README.md"] = "# project\n",
        ["docs/guide.txt"] = "guide\n",
    };

    public SimulatedRepository(IReadOnlyDictionary<string, string> files)
    {
        Root = Directory.CreateTempSubdirectory("cigen-skip-repo-").FullName;
        foreach (var (path, content) in files)
        {
            Write(path, content);
        }
    }

    public string Root { get; }

    public void Write(string path, string content)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    public void Append(string path, string content) => File.AppendAllText(Path.Combine(Root, path), content);

    public void Delete(string path) => File.Delete(Path.Combine(Root, path));

    public void Rename(string from, string to) => File.Move(Path.Combine(Root, from), Path.Combine(Root, to));

    /// <summary>The job as the core resolves it from the config on disk now (as a fresh <c>cigen generate</c> would).</summary>
    public Job LoadJob()
    {
        var location = ConfigLocator.Find(Root, null) ?? throw new InvalidOperationException($"no config in {Root}");
        var loaded = ConfigLoader.Load(location);
        if (loaded.Graph is null)
        {
            throw new InvalidOperationException("the simulated config does not load:\n"
                + string.Join("\n", loaded.Diagnostics.Select(d => $"{d.File}:{d.Line}:{d.Column}: {d.Code}: {d.Message}")));
        }

        return loaded.Graph.Workflows.Single(w => w.Id == Workflow).Jobs.Single(j => j.Id == JobId);
    }

    /// <summary>The marker key prefix of the job's leg for <paramref name="arch"/> (design: <c>&lt;id&gt;_&lt;leg suffix&gt;</c>).</summary>
    public static string KeyPrefix(Job job, string arch)
    {
        var leg = job.MatrixLegs.Single(l => l.Values.TryGetValue("arch", out var value) && value.ToString() == arch);
        return MarkerKey.ForLeg("linux", arch, Workflow, job.Id, leg.Suffix).Prefix;
    }

    /// <summary>The records of cigen's runtime <c>hash</c> for the job's leg on <paramref name="arch"/>: the job as the core sends it, its marker <c>marker</c>.</summary>
    public static string HashSpec(Job job, string arch) =>
        new RuntimeSpec().Job("build", job.Skipping ?? throw new InvalidOperationException("the simulated job is skippable")).Marker("marker", KeyPrefix(job, arch)).ToString();

    /// <summary>The job's <c>JOB_HASH</c> computed by the core in C#.</summary>
    public string Hash(Job job) => JobHash.Compute(Root, job).Value;

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
