using CIGen.Protocol;
using CIGen.Provider.Sdk.Settings;

namespace CIGen.Provider.GitHub.Tests.Fixtures;

/// <summary>Realistic graphs, each rendered to golden files and through every validator.</summary>
public static class SampleGraphs
{
    public sealed record Sample(string Name, Graph Graph)
    {
        public override string ToString() => Name;
    }

    public static IReadOnlyList<Sample> All { get; } = [new("rust-ci", RustCi()), new("release", Release()), new("multi-workflow", MultiWorkflow()), new("matrix", MatrixSample.Graph()), new("caching", CachingSample.Graph()),
        new("skipping-native", SkippingSample.Graph(SkippingSample.Native())),
        new("skipping-s3", SkippingSample.Graph(SkippingSample.S3())),
        new("skipping-redis", SkippingSample.Graph(SkippingSample.Redis())),
        new("skipping-early-exit", EarlyExit(SkippingSample.Native())),
        new("skipping-early-exit-s3", EarlyExit(SkippingSample.S3())),
        new("skipping-paths", SkippingPaths()),
    ];

    /// <summary>
    /// The skipping sample started by pushes to main and by pull requests, both filtered by paths, with a job that needs
    /// nothing and one that reports a failure: the plan job applies the pull request's filter, the push keeps its own.
    /// </summary>
    public static Graph SkippingPaths()
    {
        var graph = SkippingSample.Graph(SkippingSample.Native());
        var workflow = graph.Workflows[0];
        var push = G.Push() with { Branches = ["main"], PathsIgnore = ["docs/**"] };
        var pullRequest = G.Event("pull_request") with { PathsIgnore = ["docs/**", "*.md", "!docs/api/**"] };
        Job[] more =
        [
            G.Job("docs", G.Checkout(), G.Run("make docs", "Docs")),
            G.Job("notify", G.Run("./notify-failure", "Notify")).When("failure()") with { Needs = ["deploy"] },
        ];
        return graph with { Workflows = [workflow with { Triggers = [push, pullRequest], Jobs = [.. workflow.Jobs, .. more] }] };
    }

    /// <summary>The skipping sample with <c>github.skip_strategy: early_exit</c>.</summary>
    public static Graph EarlyExit(SkipBackend backend) => SkippingSample.Graph(backend) with
    {
        ProviderSettings = FirstPartySettings.ToJson(new GitHubSettings { SkipStrategy = "early_exit" }),
    };

    private static SourceLocation Job(string workflow, string job, int line = 1) => G.At($".cigen/workflows/{workflow}/jobs/{job}.yml", line, 1);

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

    /// <summary>The seed's self-hosting CI: format, lint, test, build with a command and branch filters.</summary>
    private static Graph RustCi()
    {
        var installTools = G.Command(
            "install_tools",
            G.Run("rustup component add rustfmt clippy", "Install Rust components"),
            G.Run("cargo install cargo-nextest --locked") with { If = "runner.os == 'Linux'" });

        Job RustJob(string id, string name, string script, int? timeout = null) => new()
        {
            Id = id,
            Name = name,
            Source = Job("ci", id),
            Image = "rust:latest",
            TimeoutMinutes = timeout,
            Steps = [G.Run(script, name) with { Source = Job("ci", id, 4) }],
        };

        var workflow = new Workflow
        {
            Id = "ci",
            Name = "CI",
            Source = G.At(".cigen/workflows/ci.yml"),
            Triggers =
            [
                G.Push() with { Branches = ["main"] },
                G.Event("pull_request") with { Branches = ["main"], PathsIgnore = ["docs/**", "*.md"] },
            ],
            Permissions = new Permissions { Scopes = new() { ["contents"] = "read" } },
            Concurrency = new Concurrency { Group = "ci-${{ github.ref }}", CancelInProgress = "${{ github.event_name == 'pull_request' }}" },
            Env = G.Env(("CARGO_TERM_COLOR", "always"), ("RUST_BACKTRACE", Scalar.Number("1"))),
            Jobs =
            [
                RustJob("format", "Check formatting", "cargo fmt -- --check"),
                RustJob("lint", "Run clippy", "cargo clippy --all-targets --all-features -- -D warnings"),
                new Job
                {
                    Id = "test",
                    Source = Job("ci", "test"),
                    Needs = ["format", "lint"],
                    Services = Services("ci", "test"),
                    Image = "rust:latest",
                    TimeoutMinutes = 30,
                    Env = G.Env(("RUST_LOG", "debug")),
                    Steps =
                    [
                        G.UseCommand("install_tools"),
                        G.Run("cargo nextest run --all-features\ncargo test --doc\n", "Run tests") with { Id = "tests" },
                        G.Uses("actions/upload-artifact@v4") with
                        {
                            Name = "Upload test logs",
                            If = "failure()",
                            With = G.Env(("name", "test-logs"), ("path", "target/nextest/"), ("retention-days", Scalar.Number("7"))),
                        },
                    ],
                },
                new Job
                {
                    Id = "build",
                    Name = "Build release binary",
                    Source = Job("ci", "build"),
                    Needs = ["test"],
                    If = "github.ref == 'refs/heads/main'",
                    Runner = new RunnerSelection { RunsOn = ["ubuntu-24.04"] },
                    Steps =
                    [
                        G.Run("cargo build --release --locked", "Build") with { Env = G.Env(("RUSTFLAGS", "-C target-cpu=native")) },
                        G.Run("strip target/release/cigen\nls -l target/release/cigen") with { Name = "Strip binary", Shell = "bash" },
                    ],
                },
            ],
        };

        return G.Graph(workflow) with { Commands = [installTools] };
    }

    /// <summary>A tag- and dispatch-triggered release with an explicit deep checkout, step outputs passed through env.</summary>
    private static Graph Release()
    {
        var workflow = new Workflow
        {
            Id = "release",
            Name = "Release",
            Source = G.At(".cigen/workflows/release.yml"),
            Triggers =
            [
                G.Push() with { Tags = ["v*"] },
                G.Event("workflow_dispatch") with
                {
                    Inputs =
                    [
                        new WorkflowInput { Name = "version", Description = "Version to release, e.g. 1.10", Required = true, Type = "string" },
                        new WorkflowInput { Name = "draft", Description = "Create a draft release", Type = "boolean", Default = Scalar.Boolean(true) },
                        new WorkflowInput { Name = "channel", Description = "Release channel", Type = "choice", Options = ["stable", "beta"], Default = "stable" },
                    ],
                },
            ],
            Permissions = new Permissions { Scopes = new() { ["contents"] = "write" } },
            Jobs =
            [
                new Job
                {
                    Id = "publish",
                    Name = "Publish release",
                    Source = Job("release", "publish"),
                    Checkout = false,
                    TimeoutMinutes = 20,
                    Env = G.Env(("DRAFT", "${{ inputs.draft }}"), ("CHANNEL", "${{ inputs.channel }}")),
                    Steps =
                    [
                        G.Checkout() with { Name = "Check out with history", With = G.Env(("fetch-depth", Scalar.Number("0"))) },
                        G.Run(
                            "version=\"${INPUT_VERSION:-${GITHUB_REF_NAME#v}}\"\necho \"version=$version\" >> \"$GITHUB_OUTPUT\"\n",
                            "Work out the version") with
                        {
                            Id = "version",
                            Env = G.Env(("INPUT_VERSION", "${{ inputs.version }}")),
                        },
                        G.Run("./scripts/package.sh \"$VERSION\"\n", "Package") with
                        {
                            WorkingDirectory = "dist",
                            Shell = "bash",
                            Env = G.Env(("VERSION", "${{ steps.version.outputs.version }}")),
                        },
                        G.Uses("softprops/action-gh-release@v2") with
                        {
                            Name = "Create release",
                            If = "${{ !cancelled() }}",
                            With = G.Env(
                                ("tag_name", "v${{ steps.version.outputs.version }}"),
                                ("draft", "${{ inputs.draft == true }}"),
                                ("files", "dist/*.tar.gz\ndist/checksums.txt\n")),
                            Env = G.Env(("GITHUB_TOKEN", "${{ secrets.GITHUB_TOKEN }}")),
                        },
                    ],
                },
            ],
        };

        return G.Graph(workflow);
    }

    /// <summary>Several workflows: scheduled checks in a container, docs on path filters, values YAML would retype.</summary>
    private static Graph MultiWorkflow()
    {
        var nightly = new Workflow
        {
            Id = "nightly",
            Source = G.At(".cigen/workflows/nightly.yml"),
            Triggers = [G.Event("schedule") with { Cron = ["0 3 * * 1-5", "*/30 12 * * 6"] }, G.Event("workflow_dispatch")],
            Env = G.Env(("PYTHON_VERSION", "3.10"), ("FEATURE_FLAG", "yes"), ("OCTAL_MODE", "0755"), ("EMPTY", "")),
            Jobs =
            [
                new Job
                {
                    Id = "audit",
                    Name = "Dependency audit 🔍",
                    Source = Job("nightly", "audit"),
                    Image = "python:3.10-slim",
                    Steps =
                    [
                        G.Run("python -m pip install --upgrade pip-audit", "Install: pip-audit"),
                        G.Run("pip-audit -r requirements.txt # fails on known CVEs") with { If = "${{ github.event_name == 'schedule' }}" },
                    ],
                },
                new Job
                {
                    Id = "report",
                    Source = Job("nightly", "report"),
                    Needs = ["audit"],
                    If = "always()",
                    Checkout = false,
                    Steps =
                    [
                        G.Run("echo \"audit finished: $RESULT\"", "Report") with { Env = G.Env(("RESULT", "${{ needs.audit.result }}")) },
                    ],
                },
            ],
        };

        var docs = new Workflow
        {
            Id = "docs",
            Name = "Docs",
            Source = G.At(".cigen/workflows/docs.yml"),
            Triggers =
            [
                G.Event("pull_request") with { Types = ["opened", "synchronize", "reopened"], Paths = ["docs/**", "mkdocs.yml"] },
                G.Push() with { Branches = ["main"], Paths = ["docs/**"] },
            ],
            Permissions = new Permissions { All = "read-all" },
            Jobs =
            [
                new Job
                {
                    Id = "build_docs",
                    Name = "Build docs",
                    Source = Job("docs", "build_docs"),
                    Steps =
                    [
                        G.Uses("actions/setup-python@v5") with { With = G.Env(("python-version", "3.12"), ("cache", "pip")) },
                        G.Run("pip install -r docs/requirements.txt\nmkdocs build --strict\n", "Build: mkdocs"),
                    ],
                },
            ],
        };

        return G.Graph(nightly, docs);
    }
}
