using CIGen.Core.Config;
using CIGen.Core.Config.Model;
using CIGen.Protocol;

namespace CIGen.Core.Graphs;

/// <summary>Expands <c>@group</c> entries of <c>source_files</c> into the group's globs (groups may use groups).</summary>
internal sealed class SourceFileGroups(IReadOnlyList<SourceFileGroup> groups, DiagnosticBag diagnostics)
{
    private readonly Dictionary<string, SourceFileGroup> byName = groups.ToDictionary(g => g.Name, StringComparer.Ordinal);

    /// <summary>The globs in the order written, groups expanded in place, each glob once.</summary>
    public IReadOnlyList<string> Expand(IReadOnlyList<Located<string>> entries, Scope scope)
    {
        var result = new List<string>();
        Expand(entries, scope, result, []);
        return [.. result.Distinct(StringComparer.Ordinal)];
    }

    private void Expand(IReadOnlyList<Located<string>> entries, Scope scope, List<string> result, List<string> expanding)
    {
        foreach (var entry in entries)
        {
            if (!entry.Value.StartsWith('@'))
            {
                result.Add(entry.Value);
                continue;
            }

            var name = entry.Value[1..];
            if (!byName.TryGetValue(name, out var group))
            {
                diagnostics.Error(DiagnosticCodes.UnknownGroup, entry.Location,
                    $"unknown source file group `@{name}`{Suggestions.DidYouMean(name, byName.Keys)}; define it under `source_file_groups` (e.g. in .cigen/config/source_file_groups.yml)",
                    scope);
                continue;
            }

            if (expanding.Contains(name))
            {
                diagnostics.Error(DiagnosticCodes.UnknownGroup, entry.Location,
                    $"source file group `@{name}` includes itself ({string.Join(" → ", expanding.Append(name).Select(n => "@" + n))}); remove the loop",
                    scope);
                continue;
            }

            expanding.Add(name);
            Expand(group.Patterns, scope, result, expanding);
            expanding.RemoveAt(expanding.Count - 1);
        }
    }
}
