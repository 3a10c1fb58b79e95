using CIGen.Protocol;
using CIGen.Provider.Sdk.Yaml;

namespace CIGen.Provider.GitHub.Model;

/// <summary>
/// A step. Keys follow GitHub's docs: <c>name, id, if, uses, with, shell, working-directory, env, run</c> — what the
/// step is and when it runs first, its script last because it is the longest.
/// </summary>
internal abstract record JobStep
{
    public string? Name { get; init; }

    public string? Id { get; init; }

    public string? If { get; init; }

    public OrderedDictionary<string, Scalar> Env { get; init; } = [];

    public YamlMapping ToYaml()
    {
        var step = new YamlMapping();
        step.AddIfPresent("name", Name);
        step.AddIfPresent("id", Id);
        step.AddIfPresent("if", If);
        AddBody(step);
        return step;
    }

    /// <summary>Adds the keys of this kind of step, including <c>env</c> at its place.</summary>
    protected abstract void AddBody(YamlMapping step);
}

/// <summary><c>uses:</c> an action, with its <c>with:</c> inputs.</summary>
internal sealed record ActionStep : JobStep
{
    public const string Checkout = "actions/checkout@v4";

    public required string Uses { get; init; }

    public OrderedDictionary<string, Scalar> With { get; init; } = [];

    protected override void AddBody(YamlMapping step)
    {
        step.Add("uses", Uses);
        step.AddIfPresent("with", YamlValues.MapOrNull(With));
        step.AddIfPresent("env", YamlValues.MapOrNull(Env));
    }
}

/// <summary><c>run:</c> a shell script, written as the user wrote it.</summary>
internal sealed record RunStep : JobStep
{
    public required string Run { get; init; }

    public string? Shell { get; init; }

    public string? WorkingDirectory { get; init; }

    protected override void AddBody(YamlMapping step)
    {
        step.AddIfPresent("shell", Shell);
        step.AddIfPresent("working-directory", WorkingDirectory);
        step.AddIfPresent("env", YamlValues.MapOrNull(Env));
        step.Add("run", Run);
    }
}
