using CIGen.Core.Config.Yaml;

namespace CIGen.Core.Config.Sources;

/// <summary>
/// Reads a split <c>.cigen/</c> tree: config.yml, config/*.yml fragments, commands/&lt;name&gt;.yml,
/// workflows/&lt;wf&gt;.yml or workflows/&lt;wf&gt;/config.yml, workflows/&lt;wf&gt;/jobs/&lt;job&gt;.yml.
/// Every file is visited in name order; anything unexpected is reported rather than silently ignored.
/// </summary>
internal sealed class SplitConfigReader
{
    private const string ConfigFile = "config.yml";

    private readonly string directory;
    private readonly DiagnosticBag diagnostics;
    private readonly ConfigFiles files;
    private readonly StructureBuilder structure;
    private readonly List<string> rootFiles = [];

    private SplitConfigReader(string directory, string root, DiagnosticBag diagnostics)
    {
        this.directory = directory;
        this.diagnostics = diagnostics;
        files = new ConfigFiles(root, diagnostics);
        structure = new StructureBuilder(diagnostics);
    }

    public static ConfigSources Read(string directory, string root, DiagnosticBag diagnostics) =>
        new SplitConfigReader(directory, root, diagnostics).Read();

    private ConfigSources Read()
    {
        var settings = ReadSettings();
        foreach (var entry in ConfigFiles.List(directory))
        {
            var name = Path.GetFileName(entry);
            var expected = name == ConfigFile ? File.Exists(entry) : name is "config" or "commands" or "workflows" && Directory.Exists(entry);
            if (!expected)
            {
                Unexpected(entry, "the .cigen directory holds config.yml, config/, commands/ and workflows/ only");
            }
        }

        ReadCommands();
        ReadWorkflows();
        var (workflows, commands) = structure.Build();
        return new ConfigSources(settings, workflows, commands, rootFiles);
    }

    /// <summary>config.yml with the config/*.yml fragments merged in, in name order.</summary>
    private MapNode ReadSettings()
    {
        var configFile = Path.Combine(directory, ConfigFile);
        var settings = MapNode.Empty(files.Relative(configFile));
        if (File.Exists(configFile))
        {
            rootFiles.Add(files.Relative(configFile));
            settings = structure.TakeInlineStructure(files.ParseMapping(configFile, "a mapping of config keys"));
        }

        foreach (var fragment in ConfigFilesIn("config", "fragments are config/<name>.yml files"))
        {
            rootFiles.Add(files.Relative(fragment));
            var fragmentSettings = structure.TakeInlineStructure(files.ParseMapping(fragment, "a mapping of config keys"));
            settings = FragmentMerger.Merge(settings, fragmentSettings, diagnostics);
        }

        return settings;
    }

    private void ReadCommands()
    {
        foreach (var file in ConfigFilesIn("commands", "commands are commands/<name>.yml files"))
        {
            var relative = files.Relative(file);
            structure.AddCommand(new CommandSource(ConfigFiles.Stem(file), new(relative, 1, 1), files.Parse(file), relative));
        }
    }

    private void ReadWorkflows()
    {
        var workflowsDirectory = Path.Combine(directory, "workflows");
        if (!Directory.Exists(workflowsDirectory))
        {
            return;
        }

        var entries = ConfigFiles.List(workflowsDirectory);
        foreach (var entry in entries)
        {
            if (ConfigFiles.IsConfigFile(entry))
            {
                ReadWorkflowFile(ConfigFiles.Stem(entry), entry);
            }
            else if (Directory.Exists(entry))
            {
                ReadWorkflowDirectory(Path.GetFileName(entry), entry, entries.Contains(entry + ConfigFiles.Extension));
            }
            else
            {
                Unexpected(entry, "workflows/ holds <workflow>.yml files and <workflow>/ directories");
            }
        }
    }

    private void ReadWorkflowDirectory(string id, string workflowDirectory, bool hasSettingsFile)
    {
        foreach (var entry in ConfigFiles.List(workflowDirectory))
        {
            var name = Path.GetFileName(entry);
            if (name == ConfigFile && File.Exists(entry))
            {
                if (hasSettingsFile)
                {
                    diagnostics.Error(DiagnosticCodes.WorkflowDefinedTwice, files.StartOf(entry),
                        $"workflow `{id}` has settings in both {files.Relative(workflowDirectory + ConfigFiles.Extension)} and {files.Relative(entry)}; keep one of the two files",
                        new Scope(id));
                    continue;
                }

                ReadWorkflowFile(id, entry);
            }
            else if (name == "jobs" && Directory.Exists(entry))
            {
                ReadJobs(id, entry);
            }
            else
            {
                Unexpected(entry, "a workflow directory holds config.yml and jobs/<job>.yml only");
            }
        }
    }

    private void ReadWorkflowFile(string id, string file)
    {
        var relative = files.Relative(file);
        var settings = files.ParseMapping(file, "a mapping of workflow settings (on, permissions, concurrency, env, jobs, name)");
        structure.AddWorkflowSettings(id, new(relative, 1, 1), settings, relative);
    }

    private void ReadJobs(string workflowId, string jobsDirectory)
    {
        foreach (var entry in ConfigFiles.List(jobsDirectory))
        {
            if (!ConfigFiles.IsConfigFile(entry))
            {
                Unexpected(entry, "jobs/ holds one <job>.yml file per job; the file name is the job id");
                continue;
            }

            var relative = files.Relative(entry);
            structure.AddJob(workflowId, new JobSource(ConfigFiles.Stem(entry), new(relative, 1, 1), files.Parse(entry), relative));
        }
    }

    private IEnumerable<string> ConfigFilesIn(string subdirectory, string rule)
    {
        var path = Path.Combine(directory, subdirectory);
        if (!Directory.Exists(path))
        {
            yield break;
        }

        foreach (var entry in ConfigFiles.List(path))
        {
            if (ConfigFiles.IsConfigFile(entry))
            {
                yield return entry;
            }
            else
            {
                Unexpected(entry, rule);
            }
        }
    }

    private void Unexpected(string path, string rule)
    {
        var hint = path.EndsWith(".yaml", StringComparison.Ordinal) ? "; rename it to end in .yml" : "; move or remove it";
        diagnostics.Error(DiagnosticCodes.UnexpectedFile, files.StartOf(path),
            $"unexpected {(Directory.Exists(path) ? "directory" : "file")}: {rule}{hint}");
    }
}
