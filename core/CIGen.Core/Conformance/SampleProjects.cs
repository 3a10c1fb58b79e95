using CIGen.Core.Generation;
using CIGen.Protocol;

namespace CIGen.Core.Conformance;

/// <summary>
/// One of the kit's sample projects, written out to a temporary directory and loaded the way <c>cigen generate</c>
/// loads a config. The graph is never built by hand: the real config pipeline makes it, so it always has the shape
/// the current protocol gives graphs, whatever that shape becomes.
/// </summary>
internal sealed class SampleProject(string name, ConfigStage.Loaded config, IReadOnlyDictionary<string, string[]> files)
{
    public string Name { get; } = name;

    public ConfigStage.Loaded Config { get; } = config;

    /// <summary>The graph as loaded, before any provider's view of it.</summary>
    public Graph Graph => Config.Graph;

    /// <summary>Every file of the project by its path relative to the project root ('/'), as lines: diagnostics must point into these.</summary>
    public IReadOnlyDictionary<string, string[]> Files { get; } = files;

    /// <summary>Exactly what <c>cigen generate</c> would send this provider for this project.</summary>
    public GenerateParams RequestFor(string providerName) => ProviderRun.Request(Config.Graph, Config.GenerateOptions, providerName);
}

/// <summary>The embedded sample projects (Conformance/Samples/NAME/...), in name order so every run sends the same sequence.</summary>
internal sealed class SampleProjects : IDisposable
{
    private const string ResourcePrefix = "CIGen.Core.Conformance.Samples/";

    private readonly DirectoryInfo directory;

    private SampleProjects(DirectoryInfo directory, IReadOnlyList<SampleProject> projects)
    {
        this.directory = directory;
        Projects = projects;
    }

    public IReadOnlyList<SampleProject> Projects { get; }

    /// <exception cref="InvalidOperationException">A sample does not load: a bug in cigen, not in the provider.</exception>
    public static SampleProjects Load()
    {
        var directory = Directory.CreateTempSubdirectory("cigen-check-");
        try
        {
            var byProject = Resources().GroupBy(r => r.Path.Split('/')[0], StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal);
            var projects = new List<SampleProject>();
            foreach (var project in byProject)
            {
                var root = Path.Combine(directory.FullName, project.Key);
                var files = new SortedDictionary<string, string[]>(StringComparer.Ordinal);
                foreach (var (path, text) in project)
                {
                    var relative = path[(project.Key.Length + 1)..];
                    var full = Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
                    Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                    File.WriteAllText(full, text);
                    files[relative] = text.Split('\n');
                }

                projects.Add(new SampleProject(project.Key, LoadConfig(project.Key, root), files));
            }

            return new SampleProjects(directory, projects);
        }
        catch
        {
            directory.Delete(recursive: true);
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory is not worth failing the check for.
        }
    }

    /// <summary>The same first stage as every command: <see cref="ConfigStage.Load"/>, run in the project's root.</summary>
    private static ConfigStage.Loaded LoadConfig(string name, string root)
    {
        var problems = new StringWriter();
        var (config, _) = ConfigStage.Load(new CommandConsole(root, TextWriter.Null, problems), configPath: null);
        return config ?? throw new InvalidOperationException($"The conformance sample '{name}' does not load:{Environment.NewLine}{problems}");
    }

    private static IEnumerable<(string Path, string Text)> Resources()
    {
        var assembly = typeof(SampleProjects).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);

            // RecursiveDir uses the separator of the machine that built cigen.
            yield return (name[ResourcePrefix.Length..].Replace('\\', '/'), reader.ReadToEnd());
        }
    }
}
