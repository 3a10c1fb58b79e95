using System.Text;
using CIGen.Protocol;

namespace CIGen.Provider.Sdk.Runtime;

/// <summary>
/// The records of a runtime operation (<see cref="CigenRuntime.SpecVariable"/>), one per line, from the graph's data:
/// every provider passes the same records for the same job.
/// </summary>
public sealed class RuntimeSpec
{
    private readonly StringBuilder lines = new();

    /// <summary>A job for <c>hash</c>: its inputs, what its markers name of the ref, and whether tags look it up.</summary>
    public RuntimeSpec Job(string name, JobSkipping skipping)
    {
        ArgumentNullException.ThrowIfNull(skipping);
        Add("job", name);
        foreach (var file in skipping.Inputs.DefinitionFiles)
        {
            Add("require", file);
        }

        foreach (var ere in skipping.Inputs.Include)
        {
            Add("include", ere);
        }

        foreach (var ere in skipping.Inputs.Exclude)
        {
            Add("exclude", ere);
        }

        if (skipping.RefScope != SkipRefScope.None)
        {
            Add("ref", skipping.RefScope);
        }

        if (!skipping.SkipOnTags)
        {
            Add("no_tags");
        }

        return this;
    }

    /// <summary>For <c>hash</c>, after its job: print the marker named <paramref name="prefix"/> + [REF_KIND/] + JOB_HASH as <paramref name="output"/>.</summary>
    public RuntimeSpec Marker(string output, string prefix) => Add("marker", output, prefix);

    /// <summary>The records of <c>keys</c> for a <c>key_values</c> step.</summary>
    public static string Keys(IReadOnlyList<KeyValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var spec = new RuntimeSpec();
        foreach (var value in values)
        {
            spec.Add(value.Kind, value.Name);
            foreach (var probe in value.Probes)
            {
                if (probe.File is not null)
                {
                    spec.Add(probe.Pattern is null ? ["file", probe.File] : ["file", probe.File, probe.Pattern]);
                }
                else if (probe.Command is not null)
                {
                    spec.Add("command", probe.Command.Trim());
                }
            }

            foreach (var ere in value.Include)
            {
                spec.Add("include", ere);
            }

            foreach (var ere in value.Exclude)
            {
                spec.Add("exclude", ere);
            }

            foreach (var part in value.Parts)
            {
                spec.Add(part.Kind switch
                {
                    KeyPartKind.Value => ["value", part.Name!],
                    KeyPartKind.Literal => ["text", part.Text ?? string.Empty],
                    KeyPartKind.Env => ["env", part.Name!],
                    _ => throw new ArgumentException(
                        $"a join's {part.Kind} part has no record: a provider spells it first (a leg's matrix value as text, or an env part)", nameof(values)),
                });
            }
        }

        return spec.ToString();
    }

    private RuntimeSpec Add(params string[] words)
    {
        lines.Append(ShellWords.Line(words)).Append('\n');
        return this;
    }

    public override string ToString() => lines.ToString();
}
