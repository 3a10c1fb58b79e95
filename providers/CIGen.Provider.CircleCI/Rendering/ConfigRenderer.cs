using System.Text.RegularExpressions;
using CIGen.Protocol;
using CIGen.Provider.CircleCI.Model;
using CIGen.Provider.Sdk.Runtime;
using CIGen.Provider.Sdk;
using CIGen.Provider.Sdk.Diagnostics;
using CIGen.Provider.Sdk.Rendering;
using CIGen.Provider.Sdk.Yaml;
using CIGen.Provider.Sdk.Settings;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>Renders the whole graph, every workflow, into one CircleCI config, plus diagnostics for what it could not render.</summary>
internal static partial class ConfigRenderer
{
    public const string DefaultDirectory = ".circleci";

    public const string DefaultFileName = "config.yml";

    /// <summary>Names of CircleCI's built-in steps: a command of the same name could not be told apart from them.</summary>
    private static readonly string[] BuiltInSteps =
    [
        "run", "checkout", "setup_remote_docker", "save_cache", "restore_cache", "store_artifacts", "store_test_results",
        "persist_to_workspace", "attach_workspace", "add_ssh_keys", "deploy", "when", "unless",
    ];

    public static GenerateResult Render(GenerateParams request)
    {
        var diagnostics = new DiagnosticBag(CircleCiProvider.Name);
        var dynamic = FirstPartySettings.CircleCi(request.Graph)?.Dynamic == true;
        var path = OutputPaths.For(request.Options, DefaultDirectory, DefaultFileName);
        var runtimePath = RuntimeFile.PathBeside(path);
        var (document, skippable, runtime) = Document(request.Graph, diagnostics, runtimePath, halt: !dynamic);
        OutputFile[] runtimeFiles = runtime is null ? [] : [new OutputFile(runtimePath, runtime)];
        if (!dynamic)
        {
            return new GenerateResult([new OutputFile(path, YamlWriter.Write(ParameterSyntax.Escape(document.ToYaml()))), .. runtimeFiles], diagnostics.All);
        }

        // The setup config and the pipeline it continues, which CircleCI processes as a config of its own: both escaped.
        var continuation = SkipContinuation.PathBeside(path);
        var setup = SkipContinuation.Setup(document, skippable, continuation, new Scope(diagnostics, $"the setup job `{SkipContinuation.JobName}`"));
        return new GenerateResult(
            [
                new OutputFile(path, YamlWriter.Write(ParameterSyntax.Escape(setup.ToYaml()))),
                new OutputFile(continuation, JsonText.Write(ParameterSyntax.Escape(document.ToYaml()))),
                .. runtimeFiles,
            ],
            diagnostics.All);
    }

    /// <param name="halt">False when a setup job looks the markers up instead of each job (<c>circleci: {dynamic: true}</c>).</param>
    /// <param name="runtimePath">Where the runtime's file goes (<see cref="RuntimeFile"/>), relative to the output root.</param>
    /// <returns>
    /// The config, every job that can be skipped, by its CircleCI name, in config order, and the runtime's file when the
    /// config runs one.
    /// </returns>
    public static (ConfigDocument Document, IReadOnlyList<SkippableJob> Skippable, string? Runtime) Document(
        Graph graph, DiagnosticBag diagnostics, string runtimePath, bool halt = true)
    {
        var expanded = MatrixExpansion.Expand(graph, diagnostics);
        graph = expanded.Graph;
        WarnAboutLaterSettings(graph, diagnostics);
        EnvironmentReferences.RemindOfSource(graph, diagnostics);
        var commands = new CommandSet(graph);
        var commandDefinitions = commands.Written.Select(c => Command(c, commands, graph, diagnostics)).ToList();
        if (graph.Workflows.Any(w => w.Jobs.Any(j => j.RequiresAny.Count > 0)) && BuiltInCommand(graph, diagnostics, AutomatedApproval.Command(), "requires_any") is { } approval)
        {
            commandDefinitions.Add(approval);
        }

        var jobs = new JobRenderer(graph, commands, expanded, halt ? SkipCommandsFor(graph) : null);
        var candidates = new List<JobCandidate>();
        var triggers = new List<WorkflowTriggers>();
        foreach (var workflow in graph.Workflows)
        {
            var scope = Scope.ForWorkflow(diagnostics, workflow);
            WarnAboutWorkflowSettings(workflow, scope);
            triggers.Add(TriggerRenderer.Render(workflow, scope));
            foreach (var job in workflow.Jobs)
            {
                var jobScope = Scope.ForJob(diagnostics, workflow, job, expanded.MatrixJobOf(workflow.Id, job.Id));
                candidates.Add(new JobCandidate(workflow, job, jobs.Render(workflow, job, jobScope), jobScope));
            }
        }

        var names = JobNames.Assign(candidates);
        var definitions = new List<JobDefinition>();
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates[i].Definition is { } definition && !definitions.Exists(d => d.Name == names[i]))
            {
                definitions.Add(definition with { Name = names[i] });
            }
        }

        if (definitions.Exists(NodeInstall.IsUsedBy) && BuiltInCommand(graph, diagnostics, NodeInstall.Command(), "a Node.js version no image has") is { } install)
        {
            commandDefinitions.Add(install);
        }

        // cigen's own commands, each written once when some job uses it; the skip commands use the runtime too.
        var skipDefinitions = (jobs.SkipCommands?.Definitions ?? []).ToList();
        var runtimeUses = definitions.SelectMany(d => RuntimeCommand.UsesIn(d.Steps)).Concat(skipDefinitions.SelectMany(d => RuntimeCommand.UsesIn(d.Steps))).ToList();
        string? runtimeFile = null;
        var runtimeParts = RuntimeCommand.PartsFor(runtimeUses, RuntimePartsOf.Graph(graph));
        var asFile = RuntimeFile.ReachedByEveryJob(
            definitions, commandDefinitions.Concat(skipDefinitions).GroupBy(c => c.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));
        if (runtimeUses.Count > 0
            && BuiltInCommand(graph, diagnostics, RuntimeCommand.Command(runtimeUses, runtimeParts, asFile ? runtimePath : null), "cigen's runtime") is { } runtime)
        {
            runtimeFile = asFile ? RuntimeFile.Content(graph.ConfigSource, runtimeParts) : null;
            commandDefinitions.Add(runtime);
            definitions = [.. definitions.Select(d => d with { Steps = RuntimeCommand.WithoutDefaults(d.Steps, runtimeUses) })];
            skipDefinitions = [.. skipDefinitions.Select(d => d with { Steps = RuntimeCommand.WithoutDefaults(d.Steps, runtimeUses) })];
        }

        commandDefinitions.AddRange(skipDefinitions.Select(d => BuiltInCommand(graph, diagnostics, d, "skipping unchanged jobs")).OfType<CommandDefinition>());

        // Legs that differ only in their values become one job with parameters, before repeated scripts are looked for.
        var legUses = (IReadOnlyDictionary<string, LegUse>)new Dictionary<string, LegUse>();
        if (halt)
        {
            var (folded, uses) = LegFold.Apply(
                definitions, LegFold.Groups(expanded, candidates, names),
                [.. names, .. graph.Commands.Select(c => c.Name), .. BuiltInSteps, .. commandDefinitions.Select(c => c.Name)]);
            (definitions, legUses) = ([.. folded], uses);
        }

        var (jobsWithoutRepeats, repeated) = RepeatedScripts.Extract(
            definitions, [.. graph.Commands.Select(c => c.Name), .. BuiltInSteps, .. commandDefinitions.Select(c => c.Name)]);
        definitions = [.. jobsWithoutRepeats];
        commandDefinitions.AddRange(repeated);

        // Then runs of steps that several jobs have alike: cigen's package setup, before the user's steps of every job.
        var (jobsWithoutRuns, runs) = RepeatedSteps.Extract(
            definitions, [.. names, .. graph.Commands.Select(c => c.Name), .. BuiltInSteps, .. commandDefinitions.Select(c => c.Name)]);
        definitions = [.. jobsWithoutRuns];
        commandDefinitions.AddRange(runs);

        var context = FirstPartySettings.CircleCi(graph)?.Context ?? [];
        var taken = new HashSet<string>(names, StringComparer.OrdinalIgnoreCase);
        var workflows = graph.Workflows.Select((workflow, w) =>
        {
            // A guard, not a check: the host guarantees that `needs` names jobs of the same workflow (docs/protocol.md §6).
            string NameOf(string jobId)
            {
                var index = candidates.FindIndex(c => c.Workflow.Id == workflow.Id && c.Job.Id == jobId);
                return index >= 0 ? names[index] : throw InvalidGraphException.Broken(
                    $"every `needs` id names a job of the same workflow, but '{jobId}' is no job of workflow '{workflow.Id}'", workflow.Source);
            }

            var entries = new List<WorkflowEntry>();
            foreach (var job in workflow.Jobs)
            {
                string? gate = null;
                if (job.RequiresAny.Count > 0)
                {
                    var scope = candidates.First(c => c.Workflow.Id == workflow.Id && c.Job.Id == job.Id).Scope;
                    gate = AutomatedApproval.GateName(NameOf(job.Id));
                    CheckDerivedName(gate, taken, scope, job.Source);
                    entries.Add(new WorkflowEntry { Name = gate, Type = "approval", Filters = triggers[w].Filters });
                    foreach (var alternative in job.RequiresAny)
                    {
                        // A matrix alternative counts once every leg succeeded: its shim requires them all.
                        var required = expanded.JobsOf(workflow.Id, alternative).Select(NameOf).ToList();
                        var dependency = expanded.Legs.ContainsKey((workflow.Id, alternative)) ? alternative : required[0];
                        var shim = AutomatedApproval.ShimName(gate, dependency);
                        CheckDerivedName(shim, taken, scope, job.Source);
                        if (!definitions.Exists(d => d.Name == shim))
                        {
                            definitions.Add(AutomatedApproval.Shim(shim, gate));
                        }

                        entries.Add(new WorkflowEntry { Name = shim, Requires = required, Context = context, Filters = triggers[w].Filters });
                    }
                }

                var use = legUses.GetValueOrDefault(NameOf(job.Id));
                entries.Add(new WorkflowEntry
                {
                    Name = NameOf(job.Id),
                    Job = use?.Job,
                    Arguments = use?.Arguments ?? [],
                    Type = job.Type == "approval" ? "approval" : null,
                    Requires = [.. job.Needs.Select(NameOf), .. gate is null ? [] : new[] { gate }],
                    Context = job.Type == "approval" ? [] : context,
                    Filters = JobConditions.Filters(triggers[w].Filters, job),
                });
            }

            return new WorkflowDefinition
            {
                Name = workflow.Id,
                When = triggers[w].Guard is { } guard ? $"<< pipeline.parameters.{guard.Name} >>" : null,
                Jobs = entries,
            };
        }).ToList();

        var skippable = candidates.Select((c, i) => SkipTarget.Of(c.Workflow, c.Job) is { } target ? new SkippableJob(names[i], target) : null)
            .OfType<SkippableJob>().ToList();
        return (new ConfigDocument
        {
            Parameters = [.. triggers.Select(t => t.Guard).OfType<PipelineParameter>()],
            Commands = commandDefinitions,
            Jobs = definitions,
            Workflows = workflows,
        }, skippable, runtimeFile);
    }

    /// <summary>The skip commands for the graph's skippable jobs (after matrix expansion): one pair, or one per backend when they use several.</summary>
    private static SkipCommands SkipCommandsFor(Graph graph) =>
        new([.. graph.Workflows.SelectMany(w => w.Jobs.Select(j => SkipTarget.Of(w, j))).OfType<SkipTarget>()]);

    /// <summary>A command the provider writes itself; null, with an error, when a user command has its name.</summary>
    /// <param name="purpose">What the provider writes it for, for the error.</param>
    private static CommandDefinition? BuiltInCommand(Graph graph, DiagnosticBag diagnostics, CommandDefinition command, string purpose)
    {
        if (graph.Commands.FirstOrDefault(c => c.Name == command.Name) is { } clash)
        {
            diagnostics.Error(
                DiagnosticCodes.InvalidName,
                $"command `{clash.Name}` has the name of the command the circleci provider writes for {purpose}; rename the command",
                clash.Source);
            return null;
        }

        return command;
    }

    /// <summary>A gate's or shim's name must not be a job's name too, ignoring case as CircleCI does.</summary>
    private static void CheckDerivedName(string name, HashSet<string> taken, Scope scope, SourceLocation source)
    {
        if (taken.Contains(name))
        {
            scope.Error(
                DiagnosticCodes.InvalidName,
                $"{scope.Description} uses requires_any, for which the circleci provider adds the job `{name}`, but a job of that name "
                + "exists already; rename that job",
                source);
        }
    }

    private static CommandDefinition Command(Command command, CommandSet commands, Graph graph, DiagnosticBag diagnostics)
    {
        var scope = Scope.ForCommand(diagnostics, command, commands.UsersOf(command));
        if (!CommandName().IsMatch(command.Name) || BuiltInSteps.Contains(command.Name))
        {
            var rule = BuiltInSteps.Contains(command.Name)
                ? "which is the name of a CircleCI built-in step"
                : "which CircleCI rejects: command names start with a lowercase letter and hold only lowercase letters, digits, `_` and `-`";
            scope.Error(DiagnosticCodes.InvalidName, $"{scope.Description} has the name `{command.Name}`, {rule}; rename the command", command.Source);
        }

        return new CommandDefinition
        {
            Name = command.Name,
            Description = command.Description,
            Parameters = [.. commands.MatrixParametersOf(command.Name).Select(p => p.Definition)],
            Steps = new StepRenderer(commands, scope, null, ScriptEnvReferences.DefinedForAny(graph, commands.UsersOf(command)))
                .Render(CommandMatrixParameters.ReadingParameters(command)),
        };
    }

    private static void WarnAboutWorkflowSettings(Workflow workflow, Scope scope)
    {
        if (workflow.Permissions is not null)
        {
            scope.Warning(
                DiagnosticCodes.Ignored,
                $"permissions of {scope.Description} have no CircleCI equivalent (CircleCI jobs get the project's checkout key and the "
                + "secrets of the contexts they use); they are ignored",
                workflow.Source);
        }

        if (workflow.Concurrency is not null)
        {
            scope.Warning(
                DiagnosticCodes.Ignored,
                $"concurrency of {scope.Description} has no CircleCI config equivalent; it is ignored — turn on \"Auto-cancel redundant "
                + "workflows\" in the project settings to cancel superseded runs",
                workflow.Source);
        }

        // CircleCI has no workflow variables: they go into every job's environment, and are checked here once.
        EnvironmentReferences.Split(workflow.Env, EnvironmentReferences.ReferenceIn(workflow.EnvReferences), scope, workflow.Source, null);
    }

    private static void WarnAboutLaterSettings(Graph graph, DiagnosticBag diagnostics)
    {
        if (FirstPartySettings.CircleCi(graph)?.FixGithubStatus is not null)
        {
            diagnostics.NotSupportedYet("circleci.fix_github_status", graph.ConfigSource);
        }
    }

    [GeneratedRegex(@"\A[a-z][a-z0-9_-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex CommandName();
}
