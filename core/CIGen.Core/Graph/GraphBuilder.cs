using CIGen.Core.Caching;
using CIGen.Core.Config;
using CIGen.Core.Config.Model;
using CIGen.Core.Skipping;
using CIGen.Protocol;

namespace CIGen.Core.Graphs;

/// <summary>
/// Resolves the bound config into the provider-neutral graph: checks every reference (jobs, commands, groups,
/// services, runners, backends, caches), finds dependency cycles, applies top-level defaults and expands groups.
/// </summary>
internal sealed class GraphBuilder
{
    private const string NativeBackend = "native";

    private readonly ConfigModel config;
    private readonly DiagnosticBag diagnostics;
    private readonly Dictionary<string, CommandModel> commands;
    private readonly Dictionary<string, Service> services;
    private readonly HashSet<string> runners;
    private readonly HashSet<string> caches;
    private readonly List<CacheBackend> backends = [];
    private readonly SourceFileGroups groups;
    private readonly CacheCatalog catalog;
    private readonly PackageResolver packages;
    private readonly CacheSteps cacheSteps;
    private readonly CheckoutRule checkoutRule;
    private readonly RestorePaths restorePaths;

    private GraphBuilder(ConfigModel config, string projectRoot, DiagnosticBag diagnostics)
    {
        this.config = config;
        this.diagnostics = diagnostics;
        commands = config.Commands.ToDictionary(c => c.Command.Name, StringComparer.Ordinal);
        services = config.Services.ToDictionary(s => s.Name, StringComparer.Ordinal);
        runners = [.. config.Runners.Select(r => r.Profile.Name)];
        groups = new SourceFileGroups(config.SourceFileGroups, diagnostics);
        catalog = CacheCatalog.Merge(BuiltIns.Default, config.CacheDefinitions, config.VersionSources, diagnostics);
        caches = [.. catalog.Names];
        packages = new PackageResolver(new ProjectFiles(projectRoot), BuiltIns.Default, catalog, diagnostics);
        cacheSteps = new CacheSteps(catalog, packages);
        checkoutRule = new CheckoutRule([.. config.Commands.Select(c => c.Command)]);
        restorePaths = new RestorePaths(config.Workflows.SelectMany(w => w.Jobs).SelectMany(j => j.Steps)
            .Concat(config.Commands.SelectMany(c => c.Command.Steps)));
    }

    /// <param name="configSource">The config path relative to the output root (<c>.cigen</c> or <c>cigen.yml</c>).</param>
    /// <param name="projectRoot">The directory holding the config: packages are detected in it.</param>
    public static Graph Build(ConfigModel config, string configSource, string projectRoot, DiagnosticBag diagnostics) =>
        new GraphBuilder(config, projectRoot, diagnostics).Build(configSource);

    private Graph Build(string configSource)
    {
        ResolveBackends();
        CheckCommands();
        var runnerProfiles = config.Runners.Select(ResolveRunner).ToList();
        var defaultRunner = config.DefaultRunner is { } fallback && Known(fallback, runners, DiagnosticCodes.UnknownRunner, "runner", "define it under `runners`", default)
            ? fallback.Value
            : null;
        var skipDefault = config.SkipCacheDefault is { } skip && KnownBackend(skip, default) ? skip.Value : null;
        foreach (var cache in (config.Cache ?? []).Concat(catalog.Definitions.SelectMany(d => d.Also)))
        {
            Known(cache, caches, DiagnosticCodes.UnknownCache, "cache", "define it under `cache_definitions`", default);
        }

        if (config.Workflows.Count == 0)
        {
            diagnostics.Error(DiagnosticCodes.NoJobs, new SourceLocation(config.RootFiles.FirstOrDefault() ?? configSource, 1, 1),
                "the config defines no jobs; add .cigen/workflows/<workflow>/jobs/<job>.yml files, or `jobs:` / `workflows:` in the config file");
        }

        return JobSkippings.Annotate(EnvReferences.Annotate(new Graph
        {
            ConfigSource = configSource,
            Workflows = [.. config.Workflows.Select(w => BuildWorkflow(w, defaultRunner))],
            Commands = [.. config.Commands.Select(c => c.Command with { Steps = restorePaths.Apply(c.Command.Steps) })],
            Services = config.Services,
            Runners = runnerProfiles,
            DefaultRunner = defaultRunner,
            CacheBackends = backends,
            SkipCacheDefault = skipDefault,
            CacheDefinitions = [.. catalog.Definitions.Select(d => d.Definition)],
            VersionSources = catalog.VersionSources,
            ProviderBlocks = config.ProviderBlocks,
        }), diagnostics, HashGroups);
    }

    /// <summary>The source file groups a job's <c>source_files</c> name, as its hash inputs carry them.</summary>
    private IReadOnlyList<InputGroup> HashGroups(string workflowId, string jobId) =>
        config.Workflows.FirstOrDefault(w => w.Id == workflowId)?.Jobs.FirstOrDefault(j => j.Id == jobId) is { } job
            ? groups.HashGroups(job.SourceFiles)
            : [];

    private void ResolveBackends()
    {
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var backend in config.CacheBackends)
        {
            if (seen.TryGetValue(backend.Value.Name, out var first))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateDefinition, backend.Location,
                    $"cache backend `{backend.Value.Name}` is already defined at {first.File}:{first.Line}:{first.Column}; define it once (under `cache_backends` or `skip_cache.backends`)");
                continue;
            }

            seen.Add(backend.Value.Name, backend.Location);
            backends.Add(backend.Value);
        }
    }

    private RunnerProfile ResolveRunner(RunnerModel runner)
    {
        var cacheBackend = runner.CacheBackend is { } cache && KnownBackend(cache, default) && HoldsCaches(cache) ? cache.Value : null;
        var skipCache = runner.SkipCache is { } skip && KnownBackend(skip, default) ? skip.Value : null;
        return runner.Profile with { CacheBackend = cacheBackend, SkipCache = skipCache };
    }

    /// <summary>
    /// Redis holds skip markers (a few bytes per job) well, but not dependency caches of hundreds of megabytes: a runner
    /// profile's <c>cache_backend</c> is native or s3.
    /// </summary>
    private bool HoldsCaches(Located<string> name)
    {
        if (backends.FirstOrDefault(b => b.Name == name.Value) is not { Type: "redis" })
        {
            return true;
        }

        diagnostics.Error(DiagnosticCodes.RedisDependencyCache, name.Location,
            $"cache backend `{name.Value}` is a redis backend, which holds skip markers, not dependency caches; use it as `skip_cache: {name.Value}` "
            + "and give `cache_backend` a native or s3 backend");
        return false;
    }

    /// <summary>Backends are looked up by name; <c>native</c> needs no settings, so it exists without a definition.</summary>
    private bool KnownBackend(Located<string> name, Scope scope)
    {
        if (name.Value == NativeBackend && backends.All(b => b.Name != NativeBackend))
        {
            backends.Add(new CacheBackend { Name = NativeBackend, Type = NativeBackend });
        }

        return Known(name, backends.Select(b => b.Name).ToHashSet(StringComparer.Ordinal), DiagnosticCodes.UnknownBackend,
            "cache backend", "define it under `cache_backends` (native, s3 or redis)", scope);
    }

    private void CheckCommands()
    {
        foreach (var command in config.Commands)
        {
            CheckCommandSteps(command.Command.Steps, $"command `{command.Command.Name}`", default);
        }

        var cycles = DependencyCycles.Find(
            [.. config.Commands.Select(c => c.Command.Name)],
            name => [.. commands[name].Command.Steps
                .OfType<CommandStep>()
                .Where(s => commands.ContainsKey(s.Command))
                .Select(s => (s.Command, s.Source))]);
        foreach (var cycle in cycles)
        {
            diagnostics.Error(DiagnosticCodes.CommandCycle, cycle.At,
                $"commands use each other in a loop: {cycle}; a command cannot (indirectly) use itself, break the loop");
        }
    }

    private void CheckCommandSteps(IReadOnlyList<Step> steps, string owner, Scope scope)
    {
        foreach (var step in steps.OfType<CommandStep>().Where(s => !commands.ContainsKey(s.Command)))
        {
            var name = step.Command;
            var advice = Suggestions.Closest(name, [.. commands.Keys, StepKind.Checkout]) is { } match
                ? $"did you mean `{match}`?"
                : name.Contains(' ')
                    ? $"to run a shell command write `- run: {name}`"
                    : $"define it in .cigen/commands/{name}.yml (or under `commands:`), or write `- run: {name}` to run it as a shell command";
            diagnostics.Error(DiagnosticCodes.UnknownCommand, step.Source, $"unknown command `{name}` in {owner}; {advice}", scope);
        }
    }

    private Workflow BuildWorkflow(WorkflowModel workflow, string? defaultRunner)
    {
        var scope = new Scope(workflow.Id);
        if (workflow.Jobs.Count == 0)
        {
            diagnostics.Error(DiagnosticCodes.WorkflowWithoutJobs, workflow.Source,
                $"workflow `{workflow.Id}` has no jobs; add .cigen/workflows/{workflow.Id}/jobs/<job>.yml or `jobs:` in its settings", scope);
        }

        CheckDependencies(workflow);
        var env = new OrderedDictionary<string, Scalar>(config.Env, StringComparer.Ordinal);
        foreach (var (name, value) in workflow.Env)
        {
            env[name] = value;
        }

        return new Workflow
        {
            Id = workflow.Id,
            Name = workflow.Name,
            Source = workflow.Source,
            Triggers = workflow.Triggers ?? DefaultTriggers(workflow.Source),
            Permissions = workflow.Permissions,
            Concurrency = workflow.Concurrency,
            Env = env,
            Jobs = [.. workflow.Jobs.Select(j => BuildJob(workflow, j, defaultRunner))],
        };
    }

    /// <summary>Without <c>on</c>, a workflow runs on every push and pull request (what CI usually means).</summary>
    private static IReadOnlyList<Trigger> DefaultTriggers(SourceLocation at) =>
        [new Trigger { Event = "push", Source = at }, new Trigger { Event = "pull_request", Source = at }];

    private void CheckDependencies(WorkflowModel workflow)
    {
        var ids = workflow.Jobs.Select(j => j.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var job in workflow.Jobs)
        {
            var scope = new Scope(workflow.Id, job.Id);
            CheckJobReferences(workflow, job.Needs, ids, DiagnosticCodes.UnknownRequiredJob, "requires", scope);
            CheckJobReferences(workflow, job.RequiresAny, ids, DiagnosticCodes.UnknownRequiresAnyJob, "requires_any", scope);
            foreach (var both in job.RequiresAny.Where(a => job.Needs.Any(n => n.Value == a.Value)))
            {
                diagnostics.Error(DiagnosticCodes.ConflictingKeys, both.Location,
                    $"`{both.Value}` is both required and an alternative; keep it in one of the two (`requires` or `requires_any`)", scope);
            }
        }

        var byId = workflow.Jobs.ToDictionary(j => j.Id, StringComparer.Ordinal);
        var cycles = DependencyCycles.Find(
            [.. workflow.Jobs.Select(j => j.Id)],
            id => [.. byId[id].Needs.Concat(byId[id].RequiresAny).Where(d => ids.Contains(d.Value)).Select(d => (d.Value, d.Location))]);
        foreach (var cycle in cycles)
        {
            diagnostics.Error(DiagnosticCodes.DependencyCycle, cycle.At,
                $"jobs depend on each other in a loop: {cycle}; remove one of these requirements",
                new Scope(workflow.Id, cycle.Path[0]));
        }
    }

    private void CheckJobReferences(WorkflowModel workflow, IReadOnlyList<Located<string>> references, HashSet<string> ids, string code, string key, Scope scope)
    {
        foreach (var reference in references.Where(r => !ids.Contains(r.Value)))
        {
            var elsewhere = config.Workflows.FirstOrDefault(w => w.Id != workflow.Id && w.Jobs.Any(j => j.Id == reference.Value));
            var advice = elsewhere is not null
                ? $"`{reference.Value}` is a job of workflow `{elsewhere.Id}`, and jobs can only require jobs of their own workflow"
                : Suggestions.Closest(reference.Value, ids) is { } match
                    ? $"did you mean `{match}`?"
                    : $"jobs of workflow `{workflow.Id}` are: {string.Join(", ", workflow.Jobs.Select(j => j.Id))}";
            diagnostics.Error(code, reference.Location, $"`{key}` names unknown job `{reference.Value}`; {advice}", scope);
        }
    }

    private Job BuildJob(WorkflowModel workflow, JobModel job, string? defaultRunner)
    {
        var scope = new Scope(workflow.Id, job.Id);
        var owner = $"job `{job.Id}`";
        CheckCommandSteps(job.Steps, owner, scope);
        var architectures = job.Architectures ?? config.Architectures ?? [];
        if (job.Type is null)
        {
            MatrixReferences.Check(job, architectures, commands, diagnostics, scope);
        }
        if (job.Cache is not null)
        {
            foreach (var name in job.Cache)
            {
                Known(name, caches, DiagnosticCodes.UnknownCache, "cache", "define it under `cache_definitions`", scope);
            }
        }

        var built = new Job
        {
            Id = job.Id,
            Name = job.Name,
            Source = job.Source,
            DefinitionFiles = DefinitionFiles(workflow, job),
            Needs = [.. job.Needs.Select(n => n.Value).Distinct(StringComparer.Ordinal)],
            RequiresAny = [.. job.RequiresAny.Select(n => n.Value).Distinct(StringComparer.Ordinal)],
            If = job.If,
            Condition = job.Condition,
            Image = job.Image,
            Runner = Runner(job, defaultRunner, scope),
            Architectures = architectures,
            Matrix = job.Matrix.Dimensions,
            MatrixInclude = [.. job.Matrix.Include.Select(e => e.Values)],
            MatrixExclude = [.. job.Matrix.Exclude.Select(e => e.Values)],
            FailFast = job.Matrix.FailFast,
            MatrixLegs = job.Type is null ? MatrixLegs.Compute(architectures, job.Matrix, job.Source, diagnostics, scope) : [],
            Env = job.Env,
            Services = [.. job.Services.Select(s => Service(s, scope)).OfType<Service>()],
            Packages = Packages(job, scope),
            SourceFiles = groups.Expand(job.SourceFiles, scope),
            Skip = job.Skip,
            SkipOnTags = job.SkipOnTags ?? config.SkipOnTags ?? true,
            Checkout = job.Checkout,
            TimeoutMinutes = job.TimeoutMinutes,
            Type = job.Type,
            ProviderBlocks = job.ProviderBlocks,
            Steps = restorePaths.Apply(job.Steps),
        };
        built = built with { Cache = Caches(job, built.Packages) };
        return built with { Steps = cacheSteps.Inject(workflow.Id, built, checkoutRule.IndexOfCheckout(built.Steps)) };
    }

    /// <summary>
    /// The job's list, else the top-level list, else what the repository shows — except for approval gates (no steps)
    /// and jobs that never check out (nothing to detect in). Who places the checkout does not matter:
    /// <c>checkout: false</c> with a checkout step of the job's own is the documented way to place it.
    /// </summary>
    private IReadOnlyList<PackageUse> Packages(JobModel job, Scope scope)
    {
        if (job.Type is not null)
        {
            return [];
        }

        var requested = job.Packages ?? config.Packages;
        if (requested is not null)
        {
            return [.. requested.Select(p => packages.Resolve(p, job.Source, scope))];
        }

        return job.Checkout || job.Steps.Any(checkoutRule.ChecksOut) ? packages.Detected : [];
    }

    /// <summary>
    /// The job's list, else the top-level list, else the default caches of the job's packages that install something;
    /// each with the caches its definition brings (<c>also</c>).
    /// </summary>
    private IReadOnlyList<string> Caches(JobModel job, IReadOnlyList<PackageUse> jobPackages)
    {
        if (job.Type is not null)
        {
            return [];
        }

        IEnumerable<string> names = (job.Cache ?? config.Cache)?.Select(c => c.Value)
            ?? jobPackages.Select(p => packages.ManagerOf(p)?.Cache).OfType<string>();
        return catalog.WithAlso(names);
    }

    private RunnerSelection? Runner(JobModel job, string? defaultRunner, Scope scope)
    {
        if (job.RunnerProfile is { } profile)
        {
            Known(profile, runners, DiagnosticCodes.UnknownRunner, "runner", "define it under `runners`", scope);
            return new RunnerSelection { Profile = profile.Value };
        }

        if (job.RunsOn.Count > 0 || job.ResourceClass is not null)
        {
            return new RunnerSelection { RunsOn = job.RunsOn, ResourceClass = job.ResourceClass };
        }

        return defaultRunner is null ? null : new RunnerSelection { Profile = defaultRunner };
    }

    private Service? Service(ServiceUse use, Scope scope)
    {
        if (use.Inline is not null)
        {
            return use.Inline;
        }

        var reference = use.Reference!;
        return Known(reference, services.Keys, DiagnosticCodes.UnknownService, "service", "define it under top-level `services`, or inline as `{name, image}`", scope)
            ? services[reference.Value]
            : null;
    }

    /// <summary>Every file the job's definition is read from, sorted: editing any of them changes the job's hash.</summary>
    private IReadOnlyList<string> DefinitionFiles(WorkflowModel workflow, JobModel job)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal) { job.File };
        files.UnionWith(config.RootFiles);
        files.UnionWith(workflow.Files);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<IReadOnlyList<Step>>([job.Steps]);
        while (pending.TryPop(out var steps))
        {
            foreach (var step in steps.OfType<CommandStep>())
            {
                if (commands.TryGetValue(step.Command, out var command) && visited.Add(command.Command.Name))
                {
                    files.Add(command.File);
                    pending.Push(command.Command.Steps);
                }
            }
        }

        return [.. files];
    }

    private bool Known(Located<string> name, IEnumerable<string> known, string code, string kind, string advice, Scope scope)
    {
        var names = known as ICollection<string> ?? [.. known];
        if (names.Contains(name.Value))
        {
            return true;
        }

        var hint = Suggestions.Closest(name.Value, names) is { } match ? $"did you mean `{match}`? Otherwise {advice}" : advice;
        diagnostics.Error(code, name.Location, $"unknown {kind} `{name.Value}`; {hint}", scope);
        return false;
    }
}
