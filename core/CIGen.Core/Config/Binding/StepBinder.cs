using CIGen.Core.Caching;
using CIGen.Core.Config.Yaml;
using CIGen.Protocol;

namespace CIGen.Core.Config.Binding;

/// <summary>
/// Binds steps in every accepted spelling: <c>checkout</c>, a command name, <c>run: cmd</c> with name/if/env/id beside
/// it, CircleCI-style <c>run: {name, command, environment}</c>, <c>uses</c> + <c>with</c>, <c>restore_cache</c>,
/// <c>save_cache</c>. Whatever the spelling, a step keeps its name, <c>if</c>, <c>env</c> and <c>id</c>.
/// </summary>
internal static class StepBinder
{
    private static readonly string[] CommonKeys = ["name", "id", "if", "env", "only"];

    private static readonly string[] Kinds = ["run", "uses", "restore_cache", "save_cache", "checkout"];

    private static readonly Dictionary<string, string> Hints = new(StringComparer.Ordinal)
    {
        ["environment"] = "step variables go under `env`",
        ["command"] = "write the script under `run` (or `run: {command: ...}`)",
        ["with"] = "`with` belongs to a `uses` step",
    };

    private static readonly KeySet RunKeys = new("a mapping", [.. CommonKeys, "run", "shell", "working_directory"], Hints);
    private static readonly KeySet UsesKeys = new("a mapping", [.. CommonKeys, "uses", "with"], Hints);
    private static readonly KeySet RestoreCacheKeys = new("a mapping", [.. CommonKeys, "restore_cache"], Hints);
    private static readonly KeySet SaveCacheKeys = new("a mapping", [.. CommonKeys, "save_cache"], Hints);
    private static readonly KeySet CheckoutKeys = new("a mapping", [.. CommonKeys, "checkout"], Hints);

    private static readonly KeySet CircleRunKeys = new(
        "a script or a mapping `{command, name, environment}`",
        ["command", "name", "environment", "env", "shell", "working_directory"],
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["if"] = "write `if` beside `run`, not inside it",
            ["id"] = "write `id` beside `run`, not inside it",
        });

    private static readonly KeySet RestoreKeys = new("a mapping `{key}` or `{keys: [...]}`, with optional `paths`", ["key", "keys", "paths", "name"]);
    private static readonly KeySet SaveKeys = new("a mapping `{key, paths}`", ["key", "paths", "name"]);
    private static readonly KeySet CheckoutSettings = new("an empty value (checkout takes no settings yet)", []);

    /// <param name="owner">"job `build`" or "command `setup`", for messages.</param>
    public static IReadOnlyList<Step> BindAll(ConfigNode? node, string owner, NodeReader reader)
    {
        switch (node)
        {
            case null or ScalarNode { IsNull: true }:
                return [];
            case SequenceNode sequence:
                var steps = new List<Step>();
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    if (Bind(sequence.Items[i], $"step {i + 1} of {owner}", reader) is { } step)
                    {
                        steps.Add(step);
                    }
                }

                return steps;
            default:
                reader.WrongType(node, $"`steps` in {owner}", "a list of steps");
                return [];
        }
    }

    private static Step? Bind(ConfigNode node, string what, NodeReader reader)
    {
        switch (node)
        {
            case ScalarNode { Type: ScalarType.String } name when name.Value == StepKind.Checkout:
                return new CheckoutStep { Source = node.Location };
            case ScalarNode { Type: ScalarType.String } name:
                return new CommandStep { Command = name.Value, Source = node.Location };
            case MapNode map:
                return BindMapping(map, what, reader);
            default:
                reader.WrongType(node, what, "`checkout`, a command name or a mapping such as `{name, run}`");
                return null;
        }
    }

    private static Step? BindMapping(MapNode map, string what, NodeReader reader)
    {
        var kinds = Kinds.Where(k => map.Find(k) is not null).ToList();
        if (kinds.Count > 1)
        {
            reader.Error(DiagnosticCodes.ConflictingKeys, map.Find(kinds[1])!.Key,
                $"{what} has both `{kinds[0]}` and `{kinds[1]}`; a step does one thing, split it into two steps");
            return null;
        }

        if (kinds.Count == 0)
        {
            ReportMissingKind(map, what, reader);
            return null;
        }

        return kinds[0] switch
        {
            "run" => BindRun(new MapReader(reader, map, what, RunKeys), reader),
            "uses" => BindUses(new MapReader(reader, map, what, UsesKeys)),
            "restore_cache" => BindRestoreCache(new MapReader(reader, map, what, RestoreCacheKeys), reader),
            "save_cache" => BindSaveCache(new MapReader(reader, map, what, SaveCacheKeys), reader),
            _ => BindCheckout(new MapReader(reader, map, what, CheckoutKeys), reader),
        };
    }

    private static void ReportMissingKind(MapNode map, string what, NodeReader reader)
    {
        // One unknown key is most likely a misspelt kind (`rn: make`) or a command written as a mapping.
        var unknown = map.Entries.FirstOrDefault(e => !CommonKeys.Contains(e.Name));
        if (unknown is not null && Suggestions.Closest(unknown.Name, Kinds) is { } kind)
        {
            reader.Error(DiagnosticCodes.UnknownKey, unknown.Key, $"unknown key `{unknown.Name}` in {what}; did you mean `{kind}`?");
        }
        else if (unknown is not null)
        {
            reader.Error(DiagnosticCodes.UnknownKey, unknown.Key,
                $"unknown key `{unknown.Name}` in {what}; a step is `run`, `uses`, `restore_cache`, `save_cache` or `checkout` (to use a command, write `- {unknown.Name}` as a plain list item)");
        }
        else
        {
            reader.Error(DiagnosticCodes.MissingKey, map, $"{what} does nothing; add `run`, `uses`, `restore_cache`, `save_cache` or `checkout`");
        }
    }

    private static Step BindRun(MapReader step, NodeReader reader)
    {
        var common = Common(step, new RunStep { Run = "", Source = step.Node!.Location });
        var run = step.Get("run")!;
        if (run is not MapNode)
        {
            var shell = step.String("shell");
            QuotedExpressionCheck.Check(run, shell, reader);
            return common with
            {
                Run = reader.String(run, step.Label("run")) ?? "",
                Shell = shell,
                WorkingDirectory = step.String("working_directory"),
            };
        }

        var circle = reader.Map(run, step.Label("run"), CircleRunKeys);
        var script = circle.Require("command", run, "command: make test") ? circle.String("command") : null;
        var circleShell = OneOf(step, circle, "shell", step.String("shell"));
        QuotedExpressionCheck.Check(circle.Get("command"), circleShell, reader);
        var innerEnv = reader.Env(circle);
        if (innerEnv.Count > 0 && common.Env.Count > 0)
        {
            reader.Error(DiagnosticCodes.ConflictingKeys, run, $"{step.What} sets variables both beside and inside `run`; keep them in one place");
        }

        return common with
        {
            Name = OneOf(step, circle, "name", common.Name),
            Run = script ?? "",
            Shell = circleShell,
            WorkingDirectory = OneOf(step, circle, "working_directory", step.String("working_directory")),
            Env = common.Env.Count > 0 ? common.Env : innerEnv,
        };
    }

    private static Step BindUses(MapReader step) =>
        Common(step, new UsesStep
        {
            Uses = step.String("uses") ?? "",
            With = step.Get("with") is { } with ? step.Reader.Scalars(with, step.Label("with"), ScalarKeys.Names) : [],
            Source = step.Node!.Location,
        });

    private static Step BindRestoreCache(MapReader step, NodeReader reader)
    {
        var common = Common(step, new RestoreCacheStep { Source = step.Node!.Location });
        var settings = reader.Map(step.Get("restore_cache"), step.Label("restore_cache"), RestoreKeys);
        settings.Exclusive("key", "keys", "use `keys: [...]` for several keys, in lookup order");
        IReadOnlyList<ConfigNode> keyNodes = settings.Has("key")
            ? [settings.Get("key")!]
            : settings.Get("keys") is SequenceNode list ? list.Items : [];
        IReadOnlyList<string> keys = settings.Has("key")
            ? settings.String("key") is { } key ? [key] : []
            : settings.PlainStrings("keys", allowSingle: false);
        if (!settings.Has("key") && !settings.Has("keys"))
        {
            settings.Require("key", step.Node!, "key: deps-{{ checksum \"package-lock.json\" }}");
        }

        return common with
        {
            Name = OneOf(step, settings, "name", common.Name),
            Keys = keys,
            CacheKeys = CacheKeys(keyNodes, settings.What, reader),
            Paths = settings.PlainStrings("paths", allowSingle: false),
        };
    }

    private static Step BindSaveCache(MapReader step, NodeReader reader)
    {
        var common = Common(step, new SaveCacheStep { Source = step.Node!.Location });
        var settings = reader.Map(step.Get("save_cache"), step.Label("save_cache"), SaveKeys);
        settings.Require("key", step.Node!, "key: deps-{{ checksum \"package-lock.json\" }}");
        settings.Require("paths", step.Node!, "paths: [node_modules]");
        return common with
        {
            Name = OneOf(step, settings, "name", common.Name),
            Key = settings.String("key"),
            CacheKey = settings.Get("key") is { } key && CacheKeys([key], settings.What, reader) is [var parsed] ? parsed : new CacheKey(),
            Paths = settings.PlainStrings("paths", allowSingle: false),
        };
    }

    /// <summary>Keys in CircleCI's template syntax, parsed into parts; a bad template is reported where it is.</summary>
    private static IReadOnlyList<CacheKey> CacheKeys(IReadOnlyList<ConfigNode> nodes, string what, NodeReader reader)
    {
        var keys = new List<CacheKey>();
        foreach (var node in nodes.OfType<ScalarNode>().Where(n => !n.IsNull))
        {
            var (key, error) = CacheKeyTemplate.Parse(node.Value);
            if (error is not null)
            {
                reader.Error(DiagnosticCodes.InvalidCacheKeyTemplate, node.LocationOf(error.Offset),
                    $"the cache key `{node.Value}` in {what} is not valid at column {error.Offset + 1} of the key: {error.Message}");
                continue;
            }

            keys.Add(key);
        }

        return keys;
    }

    private static Step BindCheckout(MapReader step, NodeReader reader)
    {
        reader.Map(step.Get("checkout"), step.Label("checkout"), CheckoutSettings);
        return Common(step, new CheckoutStep { Source = step.Node!.Location });
    }

    /// <summary>A value that may be written beside the step's kind key or inside its settings, but not in both.</summary>
    private static string? OneOf(MapReader step, MapReader inner, string key, string? outside)
    {
        var inside = inner.String(key);
        if (outside is not null && inside is not null)
        {
            step.Reader.Error(DiagnosticCodes.ConflictingKeys, inner.Entry(key)!.Key,
                $"{step.What} sets `{key}` both beside and inside its settings; keep one of them");
        }

        return outside ?? inside;
    }

    /// <summary><paramref name="kind"/> with the keys every step kind accepts.</summary>
    private static T Common<T>(MapReader step, T kind)
        where T : Step
    {
        var id = step.String("id");
        if (id is not null && !Names.IsId(id))
        {
            step.Reader.Error(DiagnosticCodes.InvalidName, step.Get("id")!, $"step id `{id}` in {step.What} is not valid; use {Names.IdRule}");
        }

        // `with` on the base type clones the derived record: the kind's own fields stay as given.
        return (T)((Step)kind with
        {
            Name = step.String("name"),
            Id = id,
            If = step.String("if"),
            Condition = ConditionBinder.Bind(step, step.What),
            Env = step.Reader.Env(step),
            Only = Only(step),
        });
    }

    private static IReadOnlyList<string> Only(MapReader step)
    {
        if (step.Get("only") is not { } node)
        {
            return [];
        }

        var names = step.Reader.Strings(node, step.Label("only"), allowSingle: true);
        if (names.Count == 0)
        {
            step.Reader.Error(DiagnosticCodes.InvalidValue, node, $"`only` in {step.What} names no provider; name at least one or remove the step");
        }

        foreach (var name in names)
        {
            ProviderNameCheck.WarnIfTypo(name, step.Reader);
        }

        return [.. names.Select(n => ProviderNames.Canonical(n.Value)).Distinct(StringComparer.Ordinal)];
    }
}
