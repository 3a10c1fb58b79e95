using CIGen.Protocol;
using CIGen.Provider.Sdk.Settings;

namespace CIGen.Provider.CircleCI.Tests.Fixtures;

/// <summary>Realistic graphs, as the core sends them (each job starts with its checkout step), rendered to golden files and through every validator.</summary>
public static class SampleGraphs
{
    /// <param name="Warnings">The codes of the warnings the sample is meant to give, in order.</param>
    public sealed record Sample(string Name, Graph Graph, params string[] Warnings)
    {
        public override string ToString() => Name;
    }

    public static IReadOnlyList<Sample> All { get; } = [new("rust-ci", RustCi()), new("release", Release()), new("multi-workflow", MultiWorkflow(), "circleci.trigger"), new("matrix", MatrixSample.Graph()), new("caching", CachingSample.Graph()),
        new("skipping-native", SkippingSample.Graph(SkippingSample.Native())), new("skipping-s3", SkippingSample.Graph(SkippingSample.S3())),
        new("skipping-redis", SkippingSample.Graph(SkippingSample.Redis())), new("skipping-dynamic", Dynamic(SkippingSample.Graph(SkippingSample.Redis()))),
        new("skipping-dynamic-native", Dynamic(SkippingSample.Graph(SkippingSample.Native())))];

    /// <summary>The graph with <c>circleci: {dynamic: true}</c>: a setup config and the pipeline it continues.</summary>
    public static Graph Dynamic(Graph graph) => graph with { ProviderSettings = FirstPartySettings.ToJson(new CircleCiSettings { Dynamic = true }) };

    private static SourceLocation Job(string workflow, string job, int line = 1) => G.At($".cigen/workflows/{workflow}/jobs/{job}.yml", line, 1);

    private static Step Checkout(string workflow, string job) => G.Checkout() with { Source = Job(workflow, job) };

    /// <summary>A database with a health check and a port mapping, and a cache on a bare port.</summary>
    private static Service[] Services(string workflow, string job) =>
    [
        new Service
        {
            Name = "postgres",
            Image = "postgres:16",
            Ports = ["5432:5432"],
            Env = G.Env(("POSTGRES_PASSWORD", "postgres"), ("POSTGRES_DB", "app_test")),
            Health = new ServiceHealth { Cmd = "pg_isready -U postgres", Interval = "10s", Timeout = "5s", Retries = 5 },
            Source = Job(workflow, job, 2),
        },
        new Service { Name = "redis", Image = "redis:7", Ports = ["6379"], Health = new ServiceHealth { Cmd = "redis-cli ping" }, Source = Job(workflow, job, 3) },
    ];

    /// <summary>The seed's self-hosting CI: format, lint, test, build with commands, caches and branch filters.</summary>
    private static Graph RustCi()
    {
        var installTools = G.Command(
            "install_tools",
            G.Run("rustup component add rustfmt clippy", "Install Rust components"),
            G.Run("cargo install cargo-nextest --locked") with { Shell = "bash", WorkingDirectory = "/tmp" }) with
        {
            Description = "Install the Rust components and cargo tools the jobs use.",
        };
        var cargoCache = G.Command(
            "restore_cargo",
            G.RestoreCache("cargo-v1-{{ checksum \"Cargo.lock\" }}", "cargo-v1-") with { Name = "Restore the cargo cache" });

        Job RustJob(string id, string script) => new()
        {
            Id = id,
            Source = Job("ci", id),
            Image = "rust:1.83",
            Steps = [Checkout("ci", id), G.Run(script) with { Source = Job("ci", id, 4) }],
            CheckoutIndex = 0,
        };

        var workflow = new Workflow
        {
            Id = "ci",
            Source = G.At(".cigen/workflows/ci.yml"),
            Triggers = [G.Push() with { Branches = ["main", "release/**"] }],
            Env = G.Env(("CARGO_TERM_COLOR", "always"), ("RUST_BACKTRACE", Scalar.Number("1"))),
            Jobs =
            [
                RustJob("format", "cargo fmt --all -- --check"),
                RustJob("lint", "cargo clippy --all-targets --all-features -- -D warnings"),
                new Job
                {
                    Id = "test",
                    Source = Job("ci", "test"),
                    Needs = ["format", "lint"],
                    Services = Services("ci", "test"),
                    Image = "rust:1.83",
                    Runner = new RunnerSelection { ResourceClass = "large" },
                    Env = G.Env(("RUST_LOG", "debug"), ("RUST_BACKTRACE", "full")),
                    CheckoutIndex = 0,
                    Steps =
                    [
                        Checkout("ci", "test"),
                        G.UseCommand("restore_cargo"),
                        G.UseCommand("install_tools"),
                        G.Run("cargo nextest run --all-features\ncargo test --doc\n", "Run tests") with { Env = G.Env(("NEXTEST_PROFILE", "ci")) },
                        G.Run("find target/nextest -name '*.xml' -print", "List the test reports") with { If = "failure()" },
                        G.SaveCache("cargo-v1-{{ checksum \"Cargo.lock\" }}", "~/.cargo/registry", "target") with { Name = "Save the cargo cache", If = "always()" },
                    ],
                },
                new Job
                {
                    Id = "build",
                    Source = Job("ci", "build"),
                    Needs = ["test"],
                    Image = "rust:1.83",
                    Runner = new RunnerSelection { ResourceClass = "xlarge" },
                    CheckoutIndex = 0,
                    Steps =
                    [
                        Checkout("ci", "build"),
                        G.UseCommand("restore_cargo"),
                        G.Run("cargo build --release --locked", "Build") with { Env = G.Env(("RUSTFLAGS", "-C target-cpu=native")) },
                        G.Run("strip target/release/cigen\nls -l target/release/cigen") with { Name = "Strip binary", Shell = "bash" },
                    ],
                },
            ],
        };

        return G.Graph(workflow) with { Commands = [installTools, cargoCache] };
    }

    /// <summary>A tag-triggered release behind a manual approval, with a guarded deploy and the circleci context setting.</summary>
    private static Graph Release()
    {
        var workflow = new Workflow
        {
            Id = "release",
            Source = G.At(".cigen/workflows/release.yml"),
            Triggers = [G.Push() with { Tags = ["v*"], TagsIgnore = [] }],
            Env = G.Env(("DIST_DIR", "dist")),
            Jobs =
            [
                new Job
                {
                    Id = "package",
                    Source = Job("release", "package"),
                    CheckoutIndex = 0,
                    Steps =
                    [
                        Checkout("release", "package"),
                        G.Run("version=\"${CIRCLE_TAG#v}\"\n./scripts/package.sh \"$version\" \"$DIST_DIR\"\n", "Package") with
                        {
                            WorkingDirectory = "tools",
                            Env = G.Env(("PACKAGE_FORMAT", "tar.gz"), ("STRICT", Scalar.Boolean(true))),
                        },
                    ],
                },
                G.Approval("hold") with { Source = Job("release", "hold"), Needs = ["package"] },
                new Job
                {
                    Id = "publish",
                    Source = Job("release", "publish"),
                    Needs = ["hold"],
                    Env = G.Env(("DIST_DIR", "out")),
                    CheckoutIndex = 0,
                    Steps =
                    [
                        Checkout("release", "publish"),
                        G.Run("./scripts/publish.sh \"$DIST_DIR\"", "Publish"),
                        G.Run("./scripts/notify.sh failed", "Report the failure") with { If = "${{ failure() }}" },
                    ],
                },
            ],
        };

        return G.Graph(workflow) with { ProviderSettings = FirstPartySettings.ToJson(new CircleCiSettings { Context = ["release-keys"] }) };
    }

    /// <summary>
    /// Several workflows in one file: a nightly schedule (guarded by a pipeline parameter), pull requests with ignored
    /// branches, one job shared unchanged and one job id defined differently by two workflows, values YAML would retype.
    /// </summary>
    private static Graph MultiWorkflow()
    {
        Job Lint(string workflow) => new()
        {
            Id = "lint",
            Source = Job(workflow, "lint"),
            Image = "node:22",
            Steps = [Checkout(workflow, "lint"), G.Run("npm ci\nnpm run lint\n", "Lint")],
            CheckoutIndex = 0,
        };

        var nightly = new Workflow
        {
            Id = "nightly",
            Source = G.At(".cigen/workflows/nightly.yml"),
            Triggers = [G.Event("schedule") with { Cron = ["0 3 * * 1-5"] }],
            Jobs =
            [
                new Job
                {
                    Id = "audit",
                    Source = Job("nightly", "audit"),
                    Image = "python:3.10-slim",
                    Env = G.Env(("PYTHON_VERSION", "3.10"), ("FEATURE_FLAG", "yes"), ("OCTAL_MODE", "0755"), ("EMPTY", "")),
                    CheckoutIndex = 0,
                    Steps =
                    [
                        Checkout("nightly", "audit"),
                        G.Run("python -m pip install --upgrade pip-audit", "Install: pip-audit"),
                        G.Run("pip-audit -r requirements.txt # fails on known CVEs"),
                    ],
                },
                Lint("nightly"),
            ],
        };

        var web = new Workflow
        {
            Id = "web",
            Source = G.At(".cigen/workflows/web.yml"),
            Triggers =
            [
                G.Push() with { BranchesIgnore = ["gh-pages", "dependabot/**"] },
                G.Event("pull_request") with { Branches = ["main"], Types = ["opened", "synchronize"] },
            ],
            Jobs =
            [
                Lint("web"),
                new Job
                {
                    Id = "test",
                    Source = Job("web", "test"),
                    Needs = ["lint"],
                    Image = "node:22",
                    Steps = [Checkout("web", "test"), G.Run("npm test -- --ci", "Unit tests") with { Env = G.Env(("TZ", "UTC")) }],
                    CheckoutIndex = 0,
                },
            ],
        };

        var docs = new Workflow
        {
            Id = "docs",
            Source = G.At(".cigen/workflows/docs.yml"),
            Triggers = [G.Push() with { Branches = ["main"] }],
            Jobs =
            [
                new Job
                {
                    Id = "test",
                    Source = Job("docs", "test"),
                    Image = "python:3.12",
                    Steps = [Checkout("docs", "test"), G.Run("pip install -r docs/requirements.txt\nmkdocs build --strict\n", "Build the docs")],
                    CheckoutIndex = 0,
                },
            ],
        };

        return G.Graph(nightly, web, docs);
    }
}
