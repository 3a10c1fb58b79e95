using CIGen.Protocol;

namespace CIGen.Testing;

/// <summary>
/// A Ruby + pnpm job as the core sends it after resolving <c>packages</c> and <c>cache</c> (docs/protocol.md,
/// "Packages and caches"): the injected steps in the core's order — checkout, setup_package per tool, prepare runs,
/// key_values, restore_cache per cache, install runs, the user's steps, save_cache per cache. Provider tests render
/// this one job so both providers are checked against the same input.
/// </summary>
public static class CachingSample
{
    public const string KeyValuesId = "cigen_keys";

    public static PackageUse Ruby() => new()
    {
        Name = "ruby",
        VersionFile = ".ruby-version",
        FileVersion = "3.3.5",
        SetupVersion = "3.3.5",
        Manager = "bundler",
    };

    public static PackageUse Node() => new()
    {
        Name = "node",
        VersionFile = ".nvmrc",
        FileVersion = "20.11.0",
        SetupVersion = "20.11.0",
        Manager = "pnpm",
    };

    public static Job Test() => G.Job(
            "test",
            G.Checkout(),
            Setup(Ruby(), "Ruby"),
            Setup(Node(), "Node.js"),
            Injected("Enable pnpm", "corepack enable pnpm", Node()),
            new KeyValuesStep
            {
                Id = KeyValuesId,
                Name = "Compute cache keys",
                Values = ["os", "os_version", "arch", "ruby", "bundler", "node", "pnpm", "files_gems", "files_node_modules", "gems_key", "node_modules_key"],
                KeyValues =
                [
                    Tool("ruby", new VersionProbe(".ruby-version"), new VersionProbe(Command: "ruby --version")),
                    Tool("bundler", new VersionProbe("Gemfile.lock", "^   ([0-9][0-9.]*)$"), new VersionProbe(Command: "bundle --version")),
                    Tool("node", new VersionProbe(".nvmrc"), new VersionProbe(Command: "node --version")),
                    Tool("pnpm", new VersionProbe("package.json", "\"packageManager\"[[:space:]]*:[[:space:]]*\"pnpm@([^\"+]+)"), new VersionProbe(Command: "pnpm --version")),
                    new KeyValue.Digest("files_gems", ["Gemfile", "Gemfile\\.lock"], []),
                    new KeyValue.Digest("files_node_modules", ["package\\.json", "pnpm-lock\\.yaml"], []),
                    Join("gems", ["ruby", "bundler"]),
                    Join("node_modules", ["node", "pnpm"]),
                ],
                Source = Where,
            },
            Restore("gems", ["vendor/bundle", ".bundle"], ["Gemfile", "Gemfile.lock"]),
            Restore("node_modules", ["node_modules"], ["package.json", "pnpm-lock.yaml"]),
            Injected("Install gems", "bundle config set --local path vendor/bundle\nbundle install --jobs 4 --retry 3", Ruby()),
            Injected("Install pnpm dependencies", "pnpm install --frozen-lockfile", Node()),
            G.Run("bundle exec rake test", "Test"),
            Save("gems", ["vendor/bundle", ".bundle"], ["Gemfile", "Gemfile.lock"]),
            Save("node_modules", ["node_modules"], ["package.json", "pnpm-lock.yaml"])) with
    {
        CheckoutIndex = 0,
        Packages = [Ruby(), Node()],
        Cache = ["gems", "node_modules"],
    };

    public static Graph Graph() => G.Graph(G.Workflow("ci", Test()));

    /// <summary>
    /// The key of an automatic cache, <c>{os}-{os_version}-{arch}-{name}-{tool}{version}…-{checksum}</c>, as the core
    /// sends it: the part before the checksum is the join value <c>{name}_key</c> (<see cref="Join"/>).
    /// </summary>
    public static CacheKey Key(string cache, IReadOnlyList<string> files, bool withChecksum = true)
    {
        var parts = new List<KeyPart> { Value($"{cache}_key") };
        if (withChecksum)
        {
            parts.Add(new KeyPart.Checksum(files, $"files_{cache}"));
        }

        return new CacheKey { Parts = parts };
    }

    /// <summary>The join value a cache's key starts with: <c>{os}-{os_version}-{arch}-{name}-{tool}{version}…-</c>.</summary>
    public static KeyValue Join(string cache, IReadOnlyList<string> tools)
    {
        var parts = new List<KeyPart> { Value("os"), Literal("-"), Value("os_version"), Literal("-"), Value("arch"), Literal($"-{cache}-") };
        foreach (var tool in tools)
        {
            parts.Add(Literal(tool));
            parts.Add(Value(tool));
            parts.Add(Literal("-"));
        }

        return new KeyValue.Join($"{cache}_key", parts);
    }

    private static KeyValue Tool(string name, params VersionProbe[] probes) => new KeyValue.Tool(name, probes);

    public static RestoreCacheStep Restore(string cache, IReadOnlyList<string> paths, IReadOnlyList<string> files) => new()
    {
        Id = $"cigen_restore_{cache}",
        Name = $"Restore {cache} cache",
        Cache = cache,
        Paths = paths,
        CacheKeys = [Key(cache, files), Key(cache, files, withChecksum: false)],
        Source = Where,
    };

    public static SaveCacheStep Save(string cache, IReadOnlyList<string> paths, IReadOnlyList<string> files) => new()
    {
        Name = $"Save {cache} cache",
        Cache = cache,
        Paths = paths,
        CacheKey = Key(cache, files),
        Source = Where,
    };

    public static SetupPackageStep Setup(PackageUse package, string title) => new()
    {
        Name = $"Set up {title}",
        Package = package,
        Source = Where,
    };

    /// <summary>A prepare or install run the core injects for <paramref name="package"/>, which it carries.</summary>
    public static RunStep Injected(string name, string script, PackageUse package) => new()
    {
        Name = name,
        Run = script,
        Shell = "bash",
        Package = package,
        Source = Where,
    };

    private static SourceLocation Where => G.At(".cigen/workflows/ci/jobs/test.yml", 1, 1);

    private static KeyPart Value(string name) => new KeyPart.Value(name);

    private static KeyPart Literal(string text) => new KeyPart.Literal(text);
}
