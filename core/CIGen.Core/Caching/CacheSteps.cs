using CIGen.Core.Config.Binding;
using CIGen.Core.Files;
using CIGen.Protocol;

namespace CIGen.Core.Caching;

/// <summary>
/// Turns a job's resolved packages and caches into ordinary steps, in this order (docs/config.md, "Packages and
/// caches"): setup_package per package, prepare runs, one key_values step (when the job has caches), restore_cache per
/// cache, install runs — all right after the checkout — then the user's steps, then save_cache per cache.
/// </summary>
internal sealed class CacheSteps(CacheCatalog catalog, PackageResolver resolver)
{
    public const string KeyValuesId = "cigen_keys";

    /// <param name="checkoutIndex">Index of the step that checks out, or -1 when the checkout is injected later (first) or dropped.</param>
    /// <remarks>
    /// The steps before the user's are marked <see cref="Step.FollowsCheckout"/>: <c>only:</c> can make the first
    /// checkout differ per provider, so <see cref="Graphs.GraphFilter"/> moves them after the one each provider keeps.
    /// </remarks>
    /// <param name="workflowId">The job's workflow: per-job cache keys name both.</param>
    public IReadOnlyList<Step> Inject(string workflowId, Job job, int checkoutIndex)
    {
        if (job.Packages.Count == 0 && job.Cache.Count == 0)
        {
            return job.Steps;
        }

        var before = new List<Step>();
        var source = job.Source;
        foreach (var package in job.Packages)
        {
            before.Add(new SetupPackageStep { Name = $"Set up {resolver.Title(package)}", Package = package, Source = source });
        }

        foreach (var package in job.Packages)
        {
            before.AddRange(resolver.Prepare(package).Select(c => Bash(c.Name, c.Run, source, package)));
        }

        var joins = new List<KeyValue>();
        var caches = job.Cache.Select(name => catalog.Definition(name)).OfType<CacheDefinitionModel>().Select(d => Plan(d, workflowId, job))
            .Select(c => c with { Keys = KeyPrefixJoin.Apply(c.Name, c.Keys, joins) }).ToList();
        var after = new List<Step>();
        if (caches.Count > 0)
        {
            before.Add(KeyValues(caches, joins, job));
            foreach (var cache in caches)
            {
                before.Add(new RestoreCacheStep
                {
                    Id = $"cigen_restore_{AutomaticCacheKey.ValueName(cache.Name)}",
                    Name = $"Restore {cache.Name} cache",
                    Cache = cache.Name,
                    Paths = cache.Paths,
                    CacheKeys = cache.Keys,
                    Source = source,
                });
                after.Add(new SaveCacheStep
                {
                    Name = $"Save {cache.Name} cache",
                    Cache = cache.Name,
                    Paths = cache.Paths,
                    CacheKey = cache.Keys[0],
                    Source = source,
                });
            }
        }

        foreach (var package in job.Packages)
        {
            if (resolver.Install(package) is { } install)
            {
                before.Add(Bash(install.Name, install.Run, source, package));
            }
        }

        var at = checkoutIndex + 1;
        return [.. job.Steps.Take(at), .. before.Select(s => s with { FollowsCheckout = true }), .. job.Steps.Skip(at), .. after];
    }

    /// <param name="Directory">The directory of the package owning the cache (root-relative), or null for the root.</param>
    private sealed record CachePlan(string Name, string? Directory, IReadOnlyList<string> Tools, IReadOnlyList<string> Files, IReadOnlyList<string> Paths, IReadOnlyList<CacheKey> Keys);

    /// <summary>The cache's tools, files and paths; those of a package in a subdirectory are taken to be in it.</summary>
    private CachePlan Plan(CacheDefinitionModel model, string workflowId, Job job)
    {
        var definition = model.Definition;
        var owner = Owner(model.Package, job);
        var directory = owner?.Directory;
        var tools = new List<string>();
        foreach (var version in definition.Versions)
        {
            if (version != CacheBinder.ManagerPlaceholder)
            {
                tools.Add(version);
            }
            else if (owner?.Manager is { } manager)
            {
                tools.Add(manager);
            }
        }

        IReadOnlyList<string> files = [.. definition.ChecksumSources.SelectMany(Globs.ExpandBraces).Select(f => PackageDirectory.Prefix(directory, f))];
        IReadOnlyList<string> paths = [.. Paths(model, owner).Select(p => PackageDirectory.Prefix(directory, p))];
        var jobParts = model.PerJob ? AutomaticCacheKey.Owner(workflowId, job.Id, MatrixNames(job)) : null;
        return new CachePlan(definition.Name, directory, tools, files, paths, AutomaticCacheKey.For(definition.Name, tools, files, jobParts));
    }

    /// <summary>Every name a leg of the job has a value for, in the legs' order: together they tell the legs apart.</summary>
    private static IReadOnlyList<string> MatrixNames(Job job) =>
        [.. job.MatrixLegs.SelectMany(l => l.Values.Keys).Distinct(StringComparer.Ordinal)];

    /// <summary>The definition's paths, or its manager's own for the built-in definition (npm: <c>~/.npm</c>, as <c>npm ci</c> deletes node_modules).</summary>
    private IReadOnlyList<string> Paths(CacheDefinitionModel model, PackageUse? owner) =>
        model.IsBuiltIn && owner is not null && resolver.ManagerOf(owner) is { CachePaths.Count: > 0 } manager && manager.Cache == model.Definition.Name
            ? manager.CachePaths
            : model.Definition.Paths;

    /// <summary>The job's use of the package; a job that does not list the package uses what the repository shows.</summary>
    private PackageUse? Owner(string? package, Job job) =>
        package is null
            ? null
            : job.Packages.FirstOrDefault(p => p.Name == package) ?? resolver.Detected.FirstOrDefault(p => p.Name == package);

    private Step KeyValues(IReadOnlyList<CachePlan> caches, IReadOnlyList<KeyValue> joins, Job job)
    {
        var tools = new List<ToolVersion>();
        foreach (var (tool, directory) in caches.SelectMany(c => c.Tools.Select(t => (t, c.Directory))))
        {
            var value = AutomaticCacheKey.ValueName(tool);
            // A reserved or colliding name was reported by the binder (CIG043) or CacheCatalog (CIG049).
            if (tools.All(t => t.Value != value) && !KeyValueNames.IsReserved(value))
            {
                tools.Add(new ToolVersion(value, Probes(tool, job, directory)));
            }
        }

        var digests = caches.Where(c => c.Files.Count > 0).Select(c => new FilesDigest(AutomaticCacheKey.FilesValue(c.Name), c.Files))
            .Where(d => tools.All(t => t.Value != d.Value)).DistinctBy(d => d.Value, StringComparer.Ordinal).ToList();
        return new KeyValuesStep
        {
            Id = KeyValuesId,
            Name = "Compute cache keys",
            Values = [KeyValueNames.Os, KeyValueNames.OsVersion, KeyValueNames.Arch, .. tools.Select(t => t.Value), .. digests.Select(d => d.Value), .. joins.Select(j => j.Name)],
            KeyValues =
            [
                .. tools.Select(t => new KeyValue.Tool(t.Value, t.Probes)),
                .. digests.Select(Digest),
                .. joins,
            ],
            Source = job.Source,
        };
    }

    private static KeyValue Digest(FilesDigest digest)
    {
        var globs = GlobSet.Parse(digest.Globs);
        return new KeyValue.Digest(digest.Value, globs.IncludeEres, globs.ExcludeEres);
    }

    /// <summary>
    /// A package pinned with <c>version</c> is asked itself (the installed tool decides); a <c>version_file</c> option
    /// is read first. The files of a cache owned by a package in a subdirectory are looked for there first, then in
    /// the root (a root <c>.tool-versions</c>); commands run in the root, as the job's steps do.
    /// </summary>
    private IReadOnlyList<VersionProbe> Probes(string tool, Job job, string? directory)
    {
        var probes = InDirectoryFirst(catalog.Probes(tool), directory);
        if (job.Packages.FirstOrDefault(p => p.Name == tool) is not { } package)
        {
            return probes;
        }

        if (package.Version is not null)
        {
            var commands = probes.Where(p => p.Command is not null).ToList();
            return commands.Count > 0 ? commands : [new VersionProbe(Command: $"{tool} --version")];
        }

        if (!package.Options.TryGetValue("version_file", out var option) || option.Text.Length == 0)
        {
            return probes;
        }

        var known = catalog.Probes(tool).Where(p => p.File == option.Text).ToList();
        return [.. InDirectoryFirst(known.Count > 0 ? known : [new VersionProbe(File: option.Text)], directory), .. probes];
    }

    /// <summary>The file probes with their files in <paramref name="directory"/>, then all the probes as they are.</summary>
    private static IReadOnlyList<VersionProbe> InDirectoryFirst(IReadOnlyList<VersionProbe> probes, string? directory) =>
        directory is null
            ? probes
            : [.. probes.Where(p => p.File is not null).Select(p => p with { File = PackageDirectory.Prefix(directory, p.File!) }), .. probes];

    /// <summary>A prepare or install run of <paramref name="package"/>, in its directory; it carries the package so that a provider tells it from the user's runs.</summary>
    private static Step Bash(string name, string run, SourceLocation source, PackageUse package) =>
        new RunStep { Name = name, Run = run, Shell = "bash", Source = source, WorkingDirectory = package.Directory, Package = package };
}
