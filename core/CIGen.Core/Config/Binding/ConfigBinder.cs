using System.Text.Json;
using CIGen.Core.Config.Model;
using CIGen.Core.Config.Sources;
using CIGen.Core.Config.Yaml;
using CIGen.Protocol;
using CIGen.Provider.Sdk.Settings;

namespace CIGen.Core.Config.Binding;

/// <summary>Binds the gathered config sources into the typed <see cref="ConfigModel"/>: every key of the contract.</summary>
internal static class ConfigBinder
{
    private static readonly KeySet RootKeys = new(
        "a mapping of config keys",
        [
            "provider", "providers", "provider_path", "output_path", "output_filename", "architectures",
            "source_file_groups", "packages", "cache", "cache_definitions", "version_sources", "runners",
            "default_runner", "cache_backends", "skip_cache", "skip_on_tags", "services", "env", "environment", "workflows", "jobs",
            "commands", "github", "circleci",
        ],
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["caches"] = "use `cache` for the caches every job uses and `cache_definitions` to define caches",
            ["on"] = "triggers belong to a workflow: `workflows: {ci: {on: ...}}` or .cigen/workflows/ci.yml",
        });

    private static readonly KeySet WorkflowKeys = new(
        "a mapping (on, permissions, concurrency, env, jobs, name)",
        ["name", "on", "permissions", "concurrency", "env", "environment", "jobs"],
        new Dictionary<string, string>(StringComparer.Ordinal) { ["true"] = "write `on:` as a plain key (a YAML 1.1 tool may have turned it into `true`)" });

    private static readonly KeySet CommandKeys = new("a mapping `{steps, description}`", ["steps", "description"]);
    private static readonly KeySet GitHubKeys = new("a mapping `{skip_strategy}`", ["skip_strategy"]);
    private static readonly KeySet CircleCiKeys = new("a mapping `{dynamic, fix_github_status, context}`", ["dynamic", "fix_github_status", "context"]);
    private static readonly string[] SkipStrategies = ["plan", "early_exit"];

    /// <param name="projectRoot">The directory holding the config; null: nothing is checked against the repository.</param>
    public static ConfigModel Bind(ConfigSources sources, DiagnosticBag diagnostics, string? projectRoot = null)
    {
        var reader = new NodeReader(diagnostics, default) { ProjectRoot = projectRoot };
        var root = reader.Map(sources.Root, "the top-level settings", RootKeys);
        var (skipDefault, skipBackends) = root.Get("skip_cache") is { } skip ? CacheBinder.BindSkipCache(skip, reader) : (null, []);
        return new ConfigModel
        {
            Providers = Providers(root),
            OutputPath = OutputPath(root),
            OutputFilename = OutputFilename(root),
            ProviderPaths = root.PlainStrings("provider_path", allowSingle: true),
            Architectures = root.Get("architectures") is { } archs ? Architectures.Bind(archs, root.Label("architectures"), reader) : null,
            SourceFileGroups = [.. reader.Entries(root.Get("source_file_groups"), "`source_file_groups`", "a mapping of group names to lists of globs")
                .Select(e => new SourceFileGroup(e.Name, reader.Strings(e.Value, $"source file group `{e.Name}`", allowSingle: true)))],
            Packages = root.Get("packages") is { } packages ? PackageBinder.Bind(packages, root.Label("packages"), reader) : null,
            Cache = root.Strings("cache", allowSingle: true),
            CacheDefinitions = root.Get("cache_definitions") is { } definitions ? CacheBinder.BindDefinitions(definitions, reader) : [],
            VersionSources = root.Get("version_sources") is { } versions ? CacheBinder.BindVersionSources(versions, reader) : [],
            Runners = root.Get("runners") is { } runners ? RunnerBinder.Bind(runners, reader) : [],
            DefaultRunner = root.Located("default_runner"),
            CacheBackends = [.. (root.Get("cache_backends") is { } backends ? CacheBinder.BindBackends(backends, "`cache_backends`", reader) : []), .. skipBackends],
            SkipCacheDefault = skipDefault,
            SkipOnTags = root.Bool("skip_on_tags"),
            Services = root.Get("services") is { } services ? ServiceBinder.BindDefinitions(services, reader) : [],
            Env = reader.Env(root),
            ProviderBlocks = ProviderBlocks(root, reader),
            Workflows = [.. sources.Workflows.Select(w => BindWorkflow(w, reader))],
            Commands = [.. sources.Commands.Select(c => BindCommand(c, reader))],
            RootFiles = sources.RootFiles,
        };
    }

    private static WorkflowModel BindWorkflow(WorkflowSource source, NodeReader parent)
    {
        var reader = parent.In(source.Id);
        var what = $"workflow `{source.Id}`";
        if (!Names.IsWorkflowId(source.Id))
        {
            reader.Error(DiagnosticCodes.InvalidName, source.Location, $"`{source.Id}` is not a valid workflow name; use {Names.WorkflowRule}");
        }

        var settings = reader.Map(source.Settings, what, WorkflowKeys);
        return new WorkflowModel
        {
            Id = source.Id,
            Name = settings.String("name"),
            Source = source.Location,
            Triggers = settings.Get("on") is { } on ? TriggerBinder.Bind(on, settings.Label("on"), reader) : null,
            Permissions = settings.Get("permissions") is { } permissions ? WorkflowSettingsBinder.BindPermissions(permissions, settings.Label("permissions"), reader) : null,
            Concurrency = settings.Get("concurrency") is { } concurrency ? WorkflowSettingsBinder.BindConcurrency(concurrency, settings.Label("concurrency"), reader) : null,
            Env = reader.Env(settings),
            Jobs = [.. source.Jobs.Select(j => JobBinder.Bind(j, source.Id, reader)).OfType<JobModel>()],
            Files = source.Files,
        };
    }

    private static CommandModel BindCommand(CommandSource source, NodeReader reader)
    {
        var what = $"command `{source.Name}`";
        if (!Names.IsId(source.Name) || source.Name == StepKind.Checkout)
        {
            var rule = source.Name == StepKind.Checkout ? "`checkout` is the built-in checkout step; choose another name" : $"use {Names.IdRule}";
            reader.Error(DiagnosticCodes.InvalidName, source.Location, $"`{source.Name}` is not a valid command name; {rule}");
        }

        var command = reader.Map(source.Body, what, CommandKeys);
        var steps = StepBinder.BindAll(command.Get("steps"), what, reader);
        if (steps.Count == 0 && !reader.Diagnostics.IsMalformed(source.File) && !command.WrongShape && command.Get("steps") is null or ScalarNode { IsNull: true } or SequenceNode { Items.Count: 0 })
        {
            reader.Error(DiagnosticCodes.MissingKey, command.Entry("steps")?.Key.Location ?? source.Location,
                $"{what} has no steps; add `steps:` with at least one step");
        }

        return new CommandModel(
            new Command { Name = source.Name, Description = command.String("description"), Steps = steps, Source = source.Location },
            source.File);
    }

    private static IReadOnlyList<string> Providers(MapReader root)
    {
        root.Exclusive("provider", "providers", "list every provider under `providers`");
        IReadOnlyList<Located<string>> names = root.Has("providers")
            ? root.Strings("providers", allowSingle: false)!
            : root.Located("provider") is { } single ? [single] : [];

        foreach (var name in names)
        {
            ProviderNameCheck.WarnIfTypo(name, root.Reader);
        }

        return [.. names.Select(n => n.Value)];
    }

    private static string? OutputPath(MapReader root)
    {
        var path = root.String("output_path");
        if (path is not null && (Path.IsPathRooted(path) || path.Replace('\\', '/').Split('/').Contains("..")))
        {
            root.Reader.Error(DiagnosticCodes.InvalidValue, root.Get("output_path")!,
                $"`output_path` must be a directory inside the repository, relative and without `..`; found `{path}`");
            return null;
        }

        return path;
    }

    private static string? OutputFilename(MapReader root)
    {
        var name = root.String("output_filename");
        if (name is not null && (name.Contains('/') || name.Contains('\\') || name is "." or ".."))
        {
            root.Reader.Error(DiagnosticCodes.InvalidValue, root.Get("output_filename")!,
                $"`output_filename` is a file name without directories; put directories in `output_path`");
            return null;
        }

        return name;
    }

    private static Dictionary<string, JsonElement> ProviderBlocks(MapReader root, NodeReader reader)
    {
        var blocks = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (root.Get("github") is { } githubNode)
        {
            var map = reader.Map(githubNode, "`github`", GitHubKeys);
            var strategy = map.String("skip_strategy");
            if (strategy is not null && !SkipStrategies.Contains(strategy))
            {
                reader.Error(DiagnosticCodes.InvalidValue, map.Get("skip_strategy")!,
                    $"unknown skip strategy `{strategy}`{Suggestions.DidYouMean(strategy, SkipStrategies)}; use `plan` or `early_exit`");
                strategy = null;
            }

            blocks.Add(ProviderNames.GitHub, FirstPartySettings.ToJson(new GitHubSettings { SkipStrategy = strategy }));
        }

        if (root.Get("circleci") is { } circleNode)
        {
            var map = reader.Map(circleNode, "`circleci`", CircleCiKeys);
            blocks.Add(ProviderNames.CircleCi, FirstPartySettings.ToJson(new CircleCiSettings
            {
                Dynamic = map.Bool("dynamic"),
                FixGithubStatus = map.Bool("fix_github_status"),
                Context = map.PlainStrings("context", allowSingle: true),
            }));
        }

        return blocks;
    }
}
