using CIGen.Protocol;
using CIGen.Provider.Sdk.Yaml;

namespace CIGen.Provider.CircleCI.Model;

/// <summary>When a step runs, CircleCI's <c>when:</c> of <c>run</c> and <c>save_cache</c> steps.</summary>
internal enum StepWhen
{
    /// <summary>After everything before succeeded: CircleCI's default, so never written.</summary>
    OnSuccess,

    OnFail,

    Always,
}

/// <summary>One item of a job's or command's <c>steps:</c>.</summary>
internal abstract record ConfigStep
{
    public abstract YamlNode ToYaml();

    /// <summary>The same step with every string it writes mapped (names of steps and commands kept).</summary>
    public abstract ConfigStep MapText(Func<string, string> map);

    /// <summary>Variables with their string values mapped; numbers and booleans stay as they are.</summary>
    protected internal static OrderedDictionary<string, Scalar> MapValues(OrderedDictionary<string, Scalar> values, Func<string, string> map)
    {
        var mapped = new OrderedDictionary<string, Scalar>(values.Count, StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            mapped.Add(name, value.Kind == ScalarKind.String ? Scalar.String(map(value.Text)) : value);
        }

        return mapped;
    }

    protected static YamlNode? Spell(StepWhen when) => when switch
    {
        StepWhen.OnFail => "on_fail",
        StepWhen.Always => "always",
        _ => null,
    };

    /// <summary>A step written <c>- kind: {settings}</c>.</summary>
    protected static YamlMapping Keyed(string kind, YamlNode settings) => new() { { kind, settings } };
}

/// <summary><c>- checkout</c>: clones the project into the job's working directory.</summary>
internal sealed record CheckoutStep : ConfigStep
{
    public override YamlNode ToYaml() => YamlScalar.String("checkout");

    public override ConfigStep MapText(Func<string, string> map) => this;
}

/// <summary><c>- name</c>: a command of the config's <c>commands:</c>, used by name.</summary>
internal sealed record CommandReference(string Command) : ConfigStep
{
    public override YamlNode ToYaml() => YamlScalar.String(Command);

    public override ConfigStep MapText(Func<string, string> map) => this;
}

/// <summary>
/// <c>- run:</c> a shell script. Settings in the order name, when, shell, working_directory, environment, command:
/// what the step is and when it runs first, the script last because it is the longest. A step with nothing but its
/// script is written short, <c>- run: make test</c>, as people write it.
/// </summary>
internal sealed record RunStep : ConfigStep
{
    public string? Name { get; init; }

    public StepWhen When { get; init; }

    public string? Shell { get; init; }

    public string? WorkingDirectory { get; init; }

    public OrderedDictionary<string, Scalar> Environment { get; init; } = [];

    public required string Command { get; init; }

    public override YamlNode ToYaml()
    {
        var run = new YamlMapping();
        run.AddIfPresent("name", Name);
        run.AddIfPresent("when", Spell(When));
        run.AddIfPresent("shell", Shell);
        run.AddIfPresent("working_directory", WorkingDirectory);
        run.AddIfPresent("environment", YamlValues.MapOrNull(Environment));
        if (run.Count == 0)
        {
            return Keyed("run", YamlScalar.String(Command));
        }

        run.Add("command", Command);
        return Keyed("run", run);
    }

    public override ConfigStep MapText(Func<string, string> map) => this with
    {
        Name = Name is null ? null : map(Name),
        WorkingDirectory = WorkingDirectory is null ? null : map(WorkingDirectory),
        Environment = MapValues(Environment, map),
        Command = map(Command),
    };
}

/// <summary><c>- restore_cache:</c> the first of <c>keys</c> that has a cache, always in the list form.</summary>
internal sealed record RestoreCacheStep : ConfigStep
{
    public string? Name { get; init; }

    public required IReadOnlyList<string> Keys { get; init; }

    public override YamlNode ToYaml()
    {
        var restore = new YamlMapping();
        restore.AddIfPresent("name", Name);
        restore.Add("keys", YamlValues.List(Keys));
        return Keyed("restore_cache", restore);
    }

    public override ConfigStep MapText(Func<string, string> map) =>
        this with { Name = Name is null ? null : map(Name), Keys = [.. Keys.Select(map)] };
}

/// <summary><c>- save_cache:</c> <c>paths</c> under <c>key</c>.</summary>
internal sealed record SaveCacheStep : ConfigStep
{
    public string? Name { get; init; }

    public StepWhen When { get; init; }

    public required string Key { get; init; }

    public required IReadOnlyList<string> Paths { get; init; }

    public override YamlNode ToYaml()
    {
        var save = new YamlMapping();
        save.AddIfPresent("name", Name);
        save.AddIfPresent("when", Spell(When));
        save.Add("key", Key);
        save.Add("paths", YamlValues.List(Paths));
        return Keyed("save_cache", save);
    }

    public override ConfigStep MapText(Func<string, string> map) =>
        this with { Name = Name is null ? null : map(Name), Key = map(Key), Paths = [.. Paths.Select(map)] };
}

/// <summary>
/// <c>- when: {condition, steps}</c>: steps CircleCI keeps or drops when it compiles the pipeline's config, by a logic
/// statement over pipeline values (<c>&lt;&lt; pipeline.git.tag &gt;&gt;</c>), so nothing runs to decide it.
/// </summary>
internal sealed record ConditionalSteps(YamlNode Condition, IReadOnlyList<ConfigStep> Steps) : ConfigStep
{
    public override YamlNode ToYaml()
    {
        var steps = new YamlSequence();
        foreach (var step in Steps)
        {
            steps.Add(step.ToYaml());
        }

        return Keyed("when", new YamlMapping { { "condition", Condition }, { "steps", steps } });
    }

    public override ConfigStep MapText(Func<string, string> map) =>
        new ConditionalSteps(YamlStrings.Map(Condition, map), [.. Steps.Select(s => s.MapText(map))]);
}
