using System.Globalization;
using CIGen.Core.Config.Model;
using CIGen.Core.Config.Yaml;
using CIGen.Protocol;

namespace CIGen.Core.Config.Binding;

/// <summary>
/// Turns YAML nodes into typed values, reporting a wrong shape as "X must be …, found …" and returning an empty or
/// null value, so binding goes on and every problem is reported in one run.
/// </summary>
/// <param name="Scope">The workflow and job diagnostics belong to.</param>
internal sealed record NodeReader(DiagnosticBag Diagnostics, Scope Scope)
{
    /// <summary>The directory holding the config, for checks against the repository (a package's <c>path</c>); null: not checked.</summary>
    public string? ProjectRoot { get; init; }

    public NodeReader In(string? workflow, string? job = null) => this with { Scope = new Scope(workflow, job) };

    public void Error(string code, ConfigNode at, string message) => Diagnostics.Error(code, at, message, Scope);

    public void Error(string code, SourceLocation at, string message) => Diagnostics.Error(code, at, message, Scope);

    public void Warning(string code, SourceLocation at, string message) => Diagnostics.Warning(code, at, message, Scope);

    public void WrongType(ConfigNode node, string what, string expected) =>
        Error(DiagnosticCodes.WrongType, node, $"{what} must be {expected}, found {node.Describe()}");

    /// <summary>Reads a mapping and reports keys outside <paramref name="keys"/>; empty values read as an empty mapping.</summary>
    public MapReader Map(ConfigNode? node, string what, KeySet keys)
    {
        switch (node)
        {
            case MapNode map:
                return new MapReader(this, map, what, keys);
            case null or ScalarNode { IsNull: true }:
                return new MapReader(this, null, what, keys);
            default:
                WrongType(node, what, keys.Expected);
                return new MapReader(this, null, what, keys, wrongShape: true);
        }
    }

    /// <summary>The entries of a name → definition mapping (names chosen by the user); empty values give none.</summary>
    public IReadOnlyList<MapEntry> Entries(ConfigNode? node, string what, string expected)
    {
        switch (node)
        {
            case MapNode map:
                return map.Entries;
            case null or ScalarNode { IsNull: true }:
                return [];
            default:
                WrongType(node, what, expected);
                return [];
        }
    }

    /// <summary>Any non-empty scalar as the text the user wrote (<c>3.10</c> stays "3.10").</summary>
    public string? String(ConfigNode node, string what)
    {
        if (node is ScalarNode { IsNull: false } scalar)
        {
            return scalar.Value;
        }

        WrongType(node, what, "a string");
        return null;
    }

    public bool? Bool(ConfigNode node, string what)
    {
        if (node is ScalarNode { Type: ScalarType.Boolean } scalar)
        {
            return scalar.ToScalar().Text == "true";
        }

        WrongType(node, what, "`true` or `false`");
        return null;
    }

    public int? PositiveInt(ConfigNode node, string what)
    {
        if (node is ScalarNode { Type: ScalarType.Number } scalar
            && int.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            && value > 0)
        {
            return value;
        }

        WrongType(node, what, "a whole number greater than 0");
        return null;
    }

    /// <summary>A list of strings; with <paramref name="allowSingle"/> one string stands for a list of one.</summary>
    public IReadOnlyList<Located<string>> Strings(ConfigNode node, string what, bool allowSingle)
    {
        var expected = allowSingle ? "a string or a list of strings" : "a list of strings";
        switch (node)
        {
            case ScalarNode { IsNull: true }:
                return [];
            case ScalarNode scalar when allowSingle:
                return [new(scalar.Value, scalar.Location)];
            case SequenceNode sequence:
                var items = new List<Located<string>>();
                foreach (var item in sequence.Items)
                {
                    if (item is ScalarNode { IsNull: false } scalarItem)
                    {
                        items.Add(new(scalarItem.Value, scalarItem.Location));
                    }
                    else
                    {
                        WrongType(item, $"each item of {what}", "a string");
                    }
                }

                return items;
            default:
                WrongType(node, what, expected);
                return [];
        }
    }

    public IReadOnlyList<string> PlainStrings(ConfigNode node, string what, bool allowSingle) =>
        [.. Strings(node, what, allowSingle).Select(s => s.Value)];

    /// <summary>A mapping of names to scalar values, each keeping its YAML type.</summary>
    /// <param name="keys">What the keys name, and so which of them are valid.</param>
    public OrderedDictionary<string, Scalar> Scalars(ConfigNode node, string what, ScalarKeys keys)
    {
        var result = new OrderedDictionary<string, Scalar>(StringComparer.Ordinal);
        foreach (var entry in Entries(node, what, keys == ScalarKeys.Names ? "a mapping of names to values" : "a mapping of variable names to values"))
        {
            if (KeyProblem(entry.Name, keys) is { } problem)
            {
                Error(DiagnosticCodes.InvalidName, entry.Key, $"{(entry.Name.Length == 0 ? "An empty name" : $"`{entry.Name}`")} in {what} {problem}");
                continue;
            }

            if (entry.Value is ScalarNode scalar)
            {
                result.Add(entry.Name, scalar.ToScalar());
            }
            else
            {
                WrongType(entry.Value, $"`{entry.Name}` in {what}", "a string, number or boolean");
            }
        }

        return result;
    }

    /// <summary>Environment variables under <c>env</c> or its alias <c>environment</c>.</summary>
    /// <param name="keys">Shell variables for jobs and steps; a service container takes more names than a shell.</param>
    public OrderedDictionary<string, Scalar> Env(MapReader map, ScalarKeys keys = ScalarKeys.ShellVariables) =>
        map.EitherEntry("env", "environment") is { } env ? Scalars(env.Value, map.Label(env.Name), keys) : [];

    private static string? KeyProblem(string name, ScalarKeys keys) => keys switch
    {
        ScalarKeys.ShellVariables when !Names.IsVariable(name) =>
            "is not a valid environment variable name; use letters, digits and `_`, not starting with a digit",
        ScalarKeys.ContainerVariables => Names.ContainerVariableProblem(name),
        _ => null,
    };
}
