using static CIGen.Testing.Generative.YamlText;

namespace CIGen.Testing.Generative;

/// <summary>A random config: the seed that made it, its <c>cigen.yml</c>, and the project files beside it.</summary>
/// <param name="ProjectFiles">Paths relative to the project root (manifests and lock files the packages need).</param>
public sealed record RandomConfig(int Seed, string Yaml, IReadOnlyDictionary<string, string> ProjectFiles)
{
    public override string ToString() =>
        $"seed {Seed}\n--- cigen.yml\n{Yaml}" + string.Concat(ProjectFiles.Select(f => $"--- {f.Key}\n{f.Value}\n"));
}

/// <summary>
/// Builds random VALID configs from the config grammar (docs/config.md): workflows and triggers, jobs with
/// <c>requires</c>/<c>requires_any</c>, approvals, matrices of 1–6 legs (one-leg and one-arch jobs included), services,
/// packages, caches, <c>source_files</c> and skip backends, runners, job and step conditions over branch, tag, matrix
/// values and <c>startsWith</c>, commands, <c>only:</c>, env with references, hand-written cache steps, provider blocks.
/// Same seed, same config. Whatever it makes the core must accept and both providers must render without an error:
/// a config the core rejects is a bug here unless the core is wrong.
/// </summary>
public sealed class ConfigGenerator
{
    private static readonly string[] JobNames = ["build", "test", "lint", "deploy", "docs", "package", "e2e", "audit", "bench", "publish", "check", "release"];
    private static readonly string[] RefAtoms =
    [
        "branch == 'main'", "branch != 'wip'", "tag != ''", "tag == ''", "startsWith(tag, 'v')",
        "startsWith(branch, 'release/')", "branch == ''", "tag == 'v1.0'",
    ];

    private static readonly Dictionary<string, object[]> DimensionValues = new()
    {
        ["ruby"] = ["3.2", "3.3", "3.4"],
        ["pg"] = [14, 15, 16],
        ["flavor"] = ["alpha", "beta", "gamma"],
        ["mode"] = ["Debug", "Release", "Check"],
        ["target"] = ["x86_64-unknown-linux-gnu", "aarch64/linux musl", "wasm32.wasi"],
        ["node"] = [18, new Plain("20.5"), "22"],
    };

    private static readonly string[] Scripts =
    [
        "make build",
        "echo \"building on $(uname -m)\"",
        "set -eu\nmkdir -p out\nprintf '%s\\n' \"done\" > out/result.txt",
        "ls -la",
        "if [ -f Makefile ]; then\n  make test\nfi",
        "for f in src/*; do\n  echo \"$f\"\ndone",
    ];

    private readonly Random random;
    private readonly Dictionary<string, string> projectFiles = new(StringComparer.Ordinal);
    private readonly List<string> packagePool = [];
    private readonly List<string> services = [];
    private readonly List<string> runners = [];
    private readonly List<string> backends = [];
    private readonly List<string> groups = [];
    private readonly List<string> topEnv = [];

    /// <summary>Commands: name → the matrix dimension its steps read as <c>${{ matrix.X }}</c> (null: none).</summary>
    private readonly Dictionary<string, string?> commands = new(StringComparer.Ordinal);

    private ConfigGenerator(int seed) => random = new Random(seed);

    public static RandomConfig Generate(int seed)
    {
        var generator = new ConfigGenerator(seed);
        var yaml = Write(generator.Config());
        return new RandomConfig(seed, yaml, generator.projectFiles);
    }

    private Map Config()
    {
        var config = new Map { { "providers", new List<object> { "github-actions", "circleci" } } };
        if (Chance(0.3))
        {
            var env = new Map { { "CI_LEVEL", "1" } };
            topEnv.Add("CI_LEVEL");
            if (Chance(0.5))
            {
                env.Add("API_TOKEN", "${{ secrets.API_TOKEN }}");
            }

            config.Add(Pick("env", "environment"), env);
        }

        if (Chance(0.2))
        {
            config.Add("architectures", Architectures());
        }

        if (Chance(0.4))
        {
            groups.AddRange(["src", "all"]);
            config.Add("source_file_groups", new Map
            {
                { "src", new List<object> { "src/**", "Makefile" } },
                { "all", new List<object> { "@src", "tests/**", "docs/**/*.md" } },
            });
        }

        Packages(config);
        Caches(config);
        Services(config);
        Runners(config);
        Backends(config);
        if (Chance(0.15))
        {
            config.Add("skip_on_tags", false);
        }

        var github = new Map();
        if (Chance(0.3))
        {
            github.Add("skip_strategy", Pick("plan", "early_exit"));
        }

        if (github.Count > 0)
        {
            config.Add("github", github);
        }

        var circleci = new Map();
        if (Chance(0.2))
        {
            circleci.Add("dynamic", true);
        }

        if (Chance(0.2))
        {
            circleci.Add("context", Chance(0.5) ? "org-global" : new List<object> { "org-global", "deploy" });
        }

        if (circleci.Count > 0)
        {
            config.Add("circleci", circleci);
        }

        Commands(config);

        // Small configs, many of them: validating the output costs time in proportion to its size.
        var workflowCount = random.NextDouble() switch { < 0.65 => 1, < 0.9 => 2, _ => 3 };
        if (workflowCount == 1 && Chance(0.3))
        {
            // Top-level jobs form the workflow `ci`.
            config.Add("jobs", Jobs());
            return config;
        }

        var workflows = new Map();
        foreach (var name in new[] { "ci", "release", "nightly" }.Take(workflowCount))
        {
            workflows.Add(name, Workflow(name));
        }

        config.Add("workflows", workflows);
        return config;
    }

    // ---- top-level sections -------------------------------------------------------------------------------------

    private void Packages(Map config)
    {
        // Manifests in the project root give the packages managers (installs and default caches).
        var tools = Shuffle(["node", "python", "ruby", "go", "rust", "dotnet"]).Take(random.Next(0, 3)).ToList();
        foreach (var tool in tools)
        {
            foreach (var (path, content) in Manifests(tool))
            {
                projectFiles[path] = content;
            }
        }

        packagePool.AddRange(tools);
        switch (random.Next(4))
        {
            case 0:
                break; // detected from the manifests (or none)
            case 1 when tools.Count > 0:
                config.Add("packages", PackageList(tools));
                break;
            case 2:
                config.Add("packages", new List<object>());
                break;
        }
    }

    private object PackageList(IReadOnlyList<string> tools)
    {
        if (Chance(0.5))
        {
            return tools.Cast<object>().ToList();
        }

        var map = new Map();
        foreach (var tool in tools)
        {
            var options = new Map();
            if (Chance(0.5))
            {
                options.Add("version", Version(tool));
            }

            if (tool == "node" && Chance(0.4))
            {
                options.Add("package_manager", Pick("npm", "pnpm", "yarn", "bun"));
            }

            if (tool == "rust" && Chance(0.4))
            {
                options.Add("components", new List<object> { "rustfmt", "clippy" });
            }

            map.Add(tool, options);
        }

        return map;
    }

    private string Version(string tool) => tool switch
    {
        "node" => Pick("20", "lts/*", "22.11"),
        "python" => Pick("3.12", "3.13"),
        "ruby" => Pick("3.3", "3.4"),
        "go" => Pick("1.24", "1.23"),
        "rust" => Pick("stable", "1.85"),
        _ => Pick("10.0", "8.0"),
    };

    private static IEnumerable<(string Path, string Content)> Manifests(string tool) => tool switch
    {
        "node" => [("package.json", "{\n  \"name\": \"sample\",\n  \"version\": \"1.0.0\"\n}\n"), ("package-lock.json", "{\n  \"lockfileVersion\": 3\n}\n")],
        "python" => [("requirements.txt", "requests==2.32.3\n")],
        "ruby" => [("Gemfile", "source 'https://rubygems.org'\ngem 'rake'\n"), ("Gemfile.lock", "GEM\n  specs:\n    rake (13.2.1)\n\nBUNDLED WITH\n   2.5.6\n")],
        "go" => [("go.mod", "module example.com/sample\n\ngo 1.24\n"), ("go.sum", "")],
        "rust" => [("Cargo.toml", "[package]\nname = \"sample\"\nversion = \"0.1.0\"\nedition = \"2021\"\n"), ("Cargo.lock", "version = 3\n")],
        _ => [("global.json", "{\n  \"sdk\": {\n    \"version\": \"10.0.100\"\n  }\n}\n")],
    };

    private readonly List<string> caches = ["gems", "node_modules", "pip", "cargo", "cargo_target", "go", "go_build", "nuget"];

    private void Caches(Map config)
    {
        if (Chance(0.25))
        {
            var definitions = new Map
            {
                {
                    "turbo", new Map
                    {
                        { "package", "node" },
                        { "versions", new List<object> { "node" } },
                        { "checksum_sources", new List<object> { "turbo.json" } },
                        { "paths", new List<object> { ".turbo" } },
                        { "scope", "job" },
                    }
                },
                {
                    "tools", new Map
                    {
                        { "checksum_sources", new List<object> { "tools/**/*.txt" } },
                        { "paths", new List<object> { "~/.local/tools" } },
                        { "also", new List<object> { "turbo" } },
                    }
                },
            };
            config.Add("cache_definitions", definitions);
            caches.AddRange(["turbo", "tools"]);
        }

        if (Chance(0.2))
        {
            config.Add("cache", CacheValue());
        }
    }

    private object CacheValue() => random.Next(3) switch
    {
        0 => new List<object>(),
        1 => Pick(caches.ToArray()),
        _ => Shuffle(caches).Take(random.Next(1, 3)).Cast<object>().ToList(),
    };

    private void Services(Map config)
    {
        if (!Chance(0.3))
        {
            return;
        }

        var postgres = new Map { { "image", "postgres:16" }, { "ports", new List<object> { Pick("5432:5432", "5432", "15432:5432") } } };
        postgres.Add(Pick("env", "environment"), new Map { { "POSTGRES_PASSWORD", "postgres" } });
        if (Chance(0.6))
        {
            postgres.Add("health", new Map { { "cmd", "pg_isready -U postgres" }, { "interval", "10s" }, { "timeout", "5s" }, { "retries", 5 } });
        }

        config.Add("services", new Map { { "postgres", postgres }, { "redis", new Map { { "image", "redis:7" }, { "ports", new List<object> { "6379" } } } } });
        services.AddRange(["postgres", "redis"]);
    }

    private void Runners(Map config)
    {
        if (!Chance(0.25))
        {
            return;
        }

        var profiles = new Map
        {
            { "cloud", new Map { { "runs_on", "ubuntu-latest" } } },
            { "big", new Map { { "resource_class", "large" } } },
            { "arm", new Map { { "labels", new List<object> { "ubuntu-24.04-arm" } } } },
        };
        runners.AddRange(["cloud", "big", "arm"]);
        if (Chance(0.3))
        {
            profiles.Add("mac", new Map { { "runs_on", "macos-latest" } });
            runners.Add("mac");
        }

        config.Add("runners", profiles);
        if (Chance(0.4))
        {
            config.Add("default_runner", Pick("cloud", "big"));
        }
    }

    private void Backends(Map config)
    {
        if (!Chance(0.3))
        {
            return;
        }

        config.Add("cache_backends", new Map
        {
            { "native", new Plain("null") },
            {
                "s3", new Map
                {
                    { "bucket", "ci-cache" }, { "region", "us-east-1" }, { "prefix", "cigen/" },
                    { "access_key", "${AWS_ACCESS_KEY_ID}" }, { "secret_key", "${AWS_SECRET_ACCESS_KEY}" },
                }
            },
            { "sessions", new Map { { "type", "redis" }, { "url", "${REDIS_URL}" }, { "ttl", 604800 } } },
        });
        backends.AddRange(["native", "s3", "sessions"]);
        config.Add("skip_cache", new Map { { "default", Pick(backends.ToArray()) } });
    }

    private void Commands(Map config)
    {
        if (!Chance(0.4))
        {
            return;
        }

        var map = new Map();
        map.Add("setup_tools", new Map
        {
            { "description", "Install the tools." },
            { "steps", new List<object> { new Map { { "name", "Install tools" }, { "run", "echo \"installing tools\"" } } } },
        });
        commands["setup_tools"] = null;
        if (Chance(0.5))
        {
            // A command using another, with a step for one provider and a ref condition.
            map.Add("prepare", new Map
            {
                {
                    "steps", new List<object>
                    {
                        "setup_tools",
                        new Map { { "run", "echo \"main only\"" }, { "if", StepRefCondition() } },
                        new Map { { "only", "github-actions" }, { "uses", "actions/setup-java@v4" }, { "with", new Map { { "distribution", "temurin" }, { "java-version", "21" } } } },
                    }
                },
            });
            commands["prepare"] = null;
        }

        if (Chance(0.4))
        {
            // Reads a matrix value: usable only from jobs whose matrix has `flavor`.
            map.Add("show_flavor", new Map
            {
                {
                    "steps", new List<object>
                    {
                        new Map { { "name", "Flavor ${{ matrix.flavor }}" }, { "run", "echo \"flavor ${{ matrix.flavor }}\"" } },
                        new Map { { "run", "echo \"alpha only\"" }, { "if", "matrix.flavor == 'alpha'" } },
                    }
                },
            });
            commands["show_flavor"] = "flavor";
        }

        if (Chance(0.2))
        {
            map.Add("fetch", new Map { { "steps", new List<object> { "checkout", new Map { { "run", "git log -1" } } } } });
            commands["fetch"] = null;
        }

        if (Chance(0.3))
        {
            map.Add("when_debug", new Map
            {
                {
                    "steps", new List<object>
                    {
                        new Map { { "run", "echo \"debug build\"" }, { "if", "matrix.mode == 'Debug' && " + StepRefCondition() } },
                        new Map { { "run", "echo \"not debug\"" }, { "if", "!matrix.mode || startsWith(tag, 'v')" } },
                    }
                },
            });
            // Narrowed to jobs whose matrix has `mode`. Defect: from a job without it (null, as docs/config.md allows)
            // the GitHub provider copies `if: matrix.mode == …` as written, and actionlint rejects it ("property "mode" is
            // not defined in object type {}"); the workflow parser warns. CircleCI decides it per leg and is fine.
            commands["when_debug"] = "mode";
        }

        config.Add("commands", map);
    }

    // ---- workflows and jobs -------------------------------------------------------------------------------------

    private Map Workflow(string name)
    {
        var workflow = new Map();
        if (Chance(0.3))
        {
            workflow.Add("name", name.ToUpperInvariant());
        }

        if (Triggers(name) is { } on)
        {
            workflow.Add("on", on);
        }

        if (Chance(0.2))
        {
            workflow.Add("permissions", Chance(0.5) ? "read-all" : new Map { { "contents", "read" } });
        }

        if (Chance(0.15))
        {
            workflow.Add("concurrency", Chance(0.5) ? "ci-${{ github.ref }}" : new Map { { "group", "ci-${{ github.ref }}" }, { "cancel-in-progress", true } });
        }

        if (Chance(0.2))
        {
            workflow.Add("env", new Map { { "WF_MODE", name }, { "LEVEL_REF", "${{ vars.LEVEL }}" } });
        }

        workflow.Add("jobs", Jobs());
        return workflow;
    }

    private object? Triggers(string workflow)
    {
        switch (random.Next(7))
        {
            case 0:
                return null; // push and pull_request
            case 1:
                return "push";
            case 2:
                return new List<object> { "push", "pull_request" };
            case 3:
                return new Map { { "push", new Map { { "tags", new List<object> { "v*" } } } } };
            case 4:
            {
                var on = new Map { { "push", new Map { { "branches", new List<object> { "main", "release/**" } } } } };
                var pr = new Map { { "branches", new List<object> { "main" } } };
                if (Chance(0.6))
                {
                    pr.Add(Pick("paths", "paths-ignore"), new List<object> { "src/**", "!src/vendor/**" });
                }

                on.Add("pull_request", pr);
                return on;
            }

            case 5:
                return new Map
                {
                    { "schedule", new List<object> { new Map { { "cron", "30 3 * * *" } } } },
                    { "workflow_dispatch", new Map() },
                };
            default:
                return new Map
                {
                    { "push", new Map { { "branches", new List<object> { "main" } }, { "tags", new List<object> { "v*", "!v0*" } } } },
                    { "workflow_dispatch", new Map { { "inputs", new Map { { "channel", new Map { { "type", "choice" }, { "options", new List<object> { "stable", "beta" } }, { "default", "stable" } } } } } } },
                };
        }
    }

    private sealed record JobInfo(string Id, bool Approval);

    private Map Jobs()
    {
        var jobs = new Map();
        var defined = new List<JobInfo>();
        var count = random.Next(1, 6);
        foreach (var id in Shuffle(JobNames).Take(count))
        {
            var (job, approval) = Job(defined);
            jobs.Add(id, job);
            defined.Add(new JobInfo(id, approval));
        }

        return jobs;
    }

    private (Map Job, bool Approval) Job(IReadOnlyList<JobInfo> earlier)
    {
        var job = new Map();
        var requires = Shuffle(earlier.Select(j => j.Id)).Take(random.Next(0, Math.Min(3, earlier.Count + 1))).ToList();
        if (requires.Count > 0)
        {
            job.Add(Pick("requires", "needs"), requires.Count == 1 && Chance(0.5) ? requires[0] : requires.Cast<object>().ToList());
        }

        var any = new List<string>();
        if (earlier.Count >= 2 && Chance(0.2))
        {
            any = Shuffle(earlier.Select(j => j.Id).Except(requires)).Take(2).ToList();
            if (any.Count > 0)
            {
                job.Add("requires_any", any.Count == 1 ? any[0] : any.Cast<object>().ToList());
            }
        }

        if (earlier.Count > 0 && Chance(0.08))
        {
            job.Add("type", "approval");
            return (job, true);
        }

        if (Chance(0.2))
        {
            job.Add("name", "Job " + Pick("one", "two", "three"));
        }

        if (Chance(0.3))
        {
            job.Add("if", JobCondition(dependsOnNothing: requires.Count == 0 && any.Count == 0));
        }

        var dimensions = Matrix(job);
        if (Chance(0.3))
        {
            job.Add("image", dimensions.Contains("ruby") && Chance(0.5) ? "ruby:${{ matrix.ruby }}" : Pick("ubuntu:24.04", "node:20-bookworm", "python:3.12-slim"));
        }

        if (Chance(0.3))
        {
            var env = new Map { { "JOB_LEVEL", "2" } };
            if (Chance(0.4))
            {
                env.Add("DEPLOY_KEY", Pick("${{ secrets.DEPLOY_KEY }}", "${DEPLOY_KEY}", "${{ vars.DEPLOY_KEY }}"));
            }

            if (dimensions.Count > 0)
            {
                env.Add("LEG", $"${{{{ matrix.{Pick(dimensions.ToArray())} }}}}");
            }

            job.Add(Pick("env", "environment"), env);
        }

        switch (random.Next(6))
        {
            case 0 when runners.Count > 0:
                job.Add("runner", Pick(runners.ToArray()));
                break;
            case 1:
                job.Add("runs_on", Pick("ubuntu-latest", "ubuntu-22.04"));
                break;
            case 2:
                job.Add("resource_class", Pick("small", "medium", "large"));
                break;
        }

        if (services.Count > 0 && Chance(0.3))
        {
            job.Add("services", JobServices());
        }

        if (packagePool.Count > 0 && Chance(0.25))
        {
            job.Add("packages", Chance(0.2) ? new List<object>() : PackageList(Shuffle(packagePool).Take(random.Next(1, packagePool.Count + 1)).ToList()));
        }

        if (Chance(0.2))
        {
            job.Add("cache", CacheValue());
        }

        if (Chance(0.45))
        {
            job.Add("source_files", SourceFiles());
            if (Chance(0.1))
            {
                job.Add("skip", false);
            }

            if (Chance(0.1))
            {
                job.Add("skip_on_tags", false);
            }
        }

        var checkout = true;
        if (Chance(0.1))
        {
            job.Add("checkout", false);
            checkout = false;
        }

        if (Chance(0.15))
        {
            job.Add("timeout", random.Next(5, 60));
        }

        if (Chance(0.15))
        {
            job.Add("github", GitHubBlock());
        }

        job.Add("steps", Steps(dimensions, placeCheckout: !checkout && Chance(0.5)));
        return (job, false);
    }

    private object JobServices() => random.Next(3) switch
    {
        0 => Shuffle(services).Take(random.Next(1, services.Count + 1)).Cast<object>().ToList(),
        1 => new List<object> { Pick(services.ToArray()), new Map { { "name", "cache" }, { "image", "memcached:1.6" }, { "ports", new List<object> { "11211" } } } },
        _ => new Map { { "mongo", new Map { { "image", "mongo:7" }, { "ports", new List<object> { "27017:27017" } } } } },
    };

    private object SourceFiles()
    {
        var pool = new List<string> { "src/**", "Makefile", "**/*.{c,h}", "tests/**", "!tests/fixtures/**" };
        pool.AddRange(groups.Select(g => "@" + g));
        var chosen = Shuffle(pool).Take(random.Next(1, 4)).ToList();
        if (chosen.All(g => g.StartsWith('!')))
        {
            chosen.Insert(0, "src/**");
        }

        return chosen.Count == 1 && !chosen[0].StartsWith('!') && Chance(0.5) ? chosen[0] : chosen.Cast<object>().ToList();
    }

    private Map GitHubBlock()
    {
        var block = new Map();
        switch (random.Next(4))
        {
            case 0:
                block.Add("permissions", new Map { { "contents", "read" }, { "id-token", "write" } });
                break;
            case 1:
                block.Add("environment", Chance(0.5) ? "staging" : new Map { { "name", "production" }, { "url", "https://example.com" } });
                break;
            case 2:
                block.Add("concurrency", new Map { { "group", "deploy" }, { "cancel-in-progress", false } });
                break;
            default:
                block.Add("continue_on_error", true);
                break;
        }

        return block;
    }

    /// <summary>Adds <c>architectures</c> and/or <c>matrix</c> (1–6 legs) to the job; returns the names it can reference.</summary>
    private List<string> Matrix(Map job)
    {
        var names = new List<string>();
        if (!Chance(0.4))
        {
            return names;
        }

        var archCount = 0;
        if (Chance(0.6))
        {
            var arches = Architectures();
            job.Add("architectures", arches);
            archCount = arches.Count;
            names.Add("arch");
        }

        var legs = Math.Max(archCount, 1);
        var matrix = new Map();
        foreach (var dimension in Shuffle(DimensionValues.Keys).Take(random.Next(archCount == 0 ? 1 : 0, 3)))
        {
            var max = 6 / legs;
            if (max < 1)
            {
                break;
            }

            var values = DimensionValues[dimension].Take(random.Next(1, Math.Min(3, max) + 1)).ToList();
            legs *= values.Count;
            matrix.Add(dimension, values);
            names.Add(dimension);
        }

        var dimensions = matrix.Select(p => p.Key).ToList();
        if (dimensions.Count > 0 && legs / Math.Max(archCount, 1) >= 2 && Chance(0.2))
        {
            // Leaves out the first value of every dimension: one combination per arch, never all of them.
            var entry = new Map();
            foreach (var (key, values) in matrix)
            {
                entry.Add(key, ((List<object>)values)[0]);
            }

            matrix.Add("exclude", new List<object> { entry });
        }

        if (dimensions.Count > 0 && Chance(0.25))
        {
            var (key, values) = matrix[0];
            var include = new List<object> { new Map { { key, ((List<object>)values)[0] }, { "experimental", true } } };
            names.Add("experimental");
            if (legs < 6 && Chance(0.5))
            {
                // Fits no leg: a leg of its own.
                include.Add(new Map { { key, key == "pg" ? 17 : "extra" } });
            }

            matrix.Add("include", include);
        }

        if (matrix.Count > 0 && Chance(0.2))
        {
            matrix.Add("fail_fast", Chance(0.5));
        }

        if (matrix.Count > 0)
        {
            job.Add("matrix", matrix);
        }

        return names;
    }

    private List<object> Architectures() => random.Next(3) switch
    {
        0 => ["amd64"],
        1 => ["arm64"],
        _ => ["amd64", "arm64"],
    };

    // ---- steps --------------------------------------------------------------------------------------------------

    private List<object> Steps(IReadOnlyList<string> matrix, bool placeCheckout)
    {
        var steps = new List<object>();
        if (placeCheckout)
        {
            if (Chance(0.5))
            {
                steps.Add("checkout");
            }
            else
            {
                // Each provider's own checkout, decided after `only:` (docs/config.md, "Steps cigen adds").
                steps.Add(new Map { { "checkout", new Plain("null") }, { "only", new List<object> { "circleci" } } });
                steps.Add(new Map { { "uses", "actions/checkout@v4" }, { "only", new List<object> { "github" } } });
            }
        }

        var count = random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            steps.Add(Step(matrix));
        }

        // Every provider needs a step of its own in every job (a command always has one).
        if (steps.All(s => s is Map map && map.Has("only")))
        {
            steps.Add(new Map { { "run", "echo \"done\"" } });
        }

        return steps;
    }

    private object Step(IReadOnlyList<string> matrix)
    {
        var usable = commands.Where(c => c.Value is null || matrix.Contains(c.Value)).Select(c => c.Key).ToArray();
        switch (random.Next(10))
        {
            case 0 when usable.Length > 0:
                return Pick(usable);
            case 1:
                return new Map
                {
                    { "name", "Upload" }, { "only", Pick("github-actions", "github") }, { "uses", "actions/upload-artifact@v4" },
                    { "with", new Map { { "name", matrix.Count > 0 ? $"out-${{{{ matrix.{matrix[0]} }}}}" : "out" }, { "path", "out/" } } },
                };
            case 2:
                return new Map
                {
                    {
                        "run", new Map
                        {
                            { "name", "CircleCI style" }, { "command", Script(matrix) },
                            { "environment", new Map { { "STYLE", "circle" } } },
                        }
                    },
                };
            case 3:
                return new Map { { "only", "circleci" }, { "run", "echo \"on CircleCI\"" } };
            case 4:
                return Chance(0.5)
                    // GitHub's cache actions need paths: a restore names them, or a save_cache with its key does.
                    ? new Map { { "restore_cache", new Map { { "keys", new List<object> { "deps-{{ checksum \"Cargo.lock\" }}-{{ .Branch }}", "deps-" } }, { "paths", new List<object> { "target" } } } } }
                    : new Map { { "save_cache", new Map { { "key", "deps-{{ checksum \"Cargo.lock\" }}-{{ .Branch }}" }, { "paths", new List<object> { "target" } } } } };
            case 6 when Chance(0.5):
                return new Map
                {
                    {
                        "save_cache", new Map
                        {
                            // `.Environment.X` names a variable the workflow sets (GitHub's parser warns about others).
                            { "key", Pick("out-{{ arch }}-{{ epoch }}", topEnv.Count > 0 ? "out-{{ .Environment.CI_LEVEL }}-{{ .Revision }}" : "out-{{ .Revision }}", "out-{{ checksum \"go.sum\" }}") },
                            { "paths", new List<object> { "out", "~/.cache/out" } },
                        }
                    },
                    { "if", Pick("always()", "failure()", "success()") },
                };
            case 7 when Chance(0.5):
                return new Map
                {
                    { "only", new List<object> { "circleci", "github" } },
                    { "working_directory", matrix.Count > 0 ? $"src/${{{{ matrix.{Pick(matrix.ToArray())} }}}}" : "src" },
                    { "if", "${{ " + StepCondition(matrix) + " }}" },
                    { "run", "pwd" },
                };
            case 5:
                return new Map
                {
                    { "name", "GitHub-only check" }, { "only", "github-actions" },
                    { "if", topEnv.Count > 0 ? "env.CI_LEVEL == '1' || github.event_name == 'push'" : "github.event_name == 'push'" },
                    { "run", "echo \"github only\"" },
                };
        }

        var step = new Map();
        if (Chance(0.4))
        {
            step.Add("name", matrix.Count > 0 && Chance(0.5) ? $"Step ${{{{ matrix.{Pick(matrix.ToArray())} }}}}" : "Step");
        }

        if (Chance(0.3))
        {
            step.Add("if", StepCondition(matrix));
        }

        if (Chance(0.25))
        {
            var env = new Map { { "STEP_MODE", "fast" } };
            if (Chance(0.5))
            {
                env.Add("TOKEN", Pick("${{ secrets.STEP_TOKEN }}", "${{ vars.STEP_VAR }}", "${STEP_SECRET}"));
            }

            step.Add("env", env); // `environment` only inside the CircleCI-style `run: {…}`
        }

        if (Chance(0.15))
        {
            step.Add("shell", Pick("bash", "sh"));
        }

        if (Chance(0.1))
        {
            step.Add("working_directory", "src");
        }

        step.Add("run", Script(matrix));
        return step;
    }

    private object Script(IReadOnlyList<string> matrix)
    {
        var script = Pick(Scripts);
        if (matrix.Count > 0 && Chance(0.5))
        {
            script += $"\necho \"leg ${{{{ matrix.{Pick(matrix.ToArray())} }}}}\"";
        }

        if (topEnv.Count > 0 && Chance(0.2))
        {
            script += "\necho \"level ${{ env.CI_LEVEL }}\"";
        }

        return script.Contains('\n') ? new Block(script + "\n") : script;
    }

    // ---- conditions ---------------------------------------------------------------------------------------------

    private string JobCondition(bool dependsOnNothing)
    {
        if (dependsOnNothing && Chance(0.1))
        {
            return "always()";
        }

        var condition = RefCombination(depth: 2, matrix: []);
        if (Chance(0.2))
        {
            condition = "success() && " + Parenthesized(condition);
        }

        return Chance(0.2) ? "${{ " + condition + " }}" : condition;
    }

    private string StepRefCondition() => RefCombination(depth: 1, matrix: []);

    private string StepCondition(IReadOnlyList<string> matrix)
    {
        var status = random.Next(5) switch
        {
            0 => "failure()",
            1 => "always()",
            2 => "success()",
            _ => null,
        };
        if (status is not null && Chance(0.4))
        {
            return status;
        }

        var rest = RefCombination(depth: 2, matrix);
        return status is null ? rest : status + " && " + Parenthesized(rest);
    }

    /// <summary>Tests of branch, tag and (in a matrix job) matrix values under <c>&&</c>, <c>||</c> and <c>!</c>.</summary>
    private string RefCombination(int depth, IReadOnlyList<string> matrix)
    {
        if (depth == 0 || Chance(0.4))
        {
            return Atom(matrix);
        }

        return random.Next(3) switch
        {
            0 => RefCombination(depth - 1, matrix) + " && " + Parenthesized(RefCombination(depth - 1, matrix)),
            1 => Parenthesized(RefCombination(depth - 1, matrix)) + " || " + Parenthesized(RefCombination(depth - 1, matrix)),
            _ => "!" + Parenthesized(RefCombination(depth - 1, matrix)),
        };
    }

    private string Atom(IReadOnlyList<string> matrix)
    {
        var dimensions = matrix.Where(DimensionValues.ContainsKey).ToList();
        if (dimensions.Count > 0 && Chance(0.4))
        {
            var name = Pick(dimensions.ToArray());
            var value = Pick(DimensionValues[name]);
            var literal = value switch
            {
                int number => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Plain plain => plain.Text,
                _ => $"'{value}'",
            };
            return random.Next(4) switch
            {
                0 => $"matrix.{name} == {literal}",
                1 => $"matrix.{name} != {literal}",
                2 when value is string text => $"startsWith(matrix.{name}, '{text[..1]}')",
                _ => $"matrix.{name}",
            };
        }

        return Pick(RefAtoms);
    }

    private static string Parenthesized(string condition) => condition.Contains(' ', StringComparison.Ordinal) ? $"({condition})" : condition;

    // ---- randomness ---------------------------------------------------------------------------------------------

    private bool Chance(double probability) => random.NextDouble() < probability;

    private T Pick<T>(params T[] values) => values[random.Next(values.Length)];

    private List<T> Shuffle<T>(IEnumerable<T> values)
    {
        var list = values.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }
}
