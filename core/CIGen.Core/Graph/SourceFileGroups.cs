using CIGen.Core.Config;
using CIGen.Core.Config.Model;
using CIGen.Core.Files;
using CIGen.Protocol;

namespace CIGen.Core.Graphs;

/// <summary>Expands <c>@group</c> entries of <c>source_files</c> into the group's globs (groups may use groups).</summary>
internal sealed class SourceFileGroups(IReadOnlyList<SourceFileGroup> groups, DiagnosticBag diagnostics)
{
    private readonly Dictionary<string, SourceFileGroup> byName = groups.ToDictionary(g => g.Name, StringComparer.Ordinal);

    /// <summary>Each group's own globs, parsed once: every job naming the group asks for them (<see cref="HashGroups"/>).</summary>
    private readonly Dictionary<string, GlobSet> globsByName = new(StringComparer.Ordinal);

    /// <summary>The globs in the order written, groups expanded in place, each glob once.</summary>
    public IReadOnlyList<string> Expand(IReadOnlyList<Located<string>> entries, Scope scope)
    {
        var result = new List<string>();
        Expand(entries, scope, result, []);
        return [.. result.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The groups <paramref name="entries"/> name, directly or through other groups, as hash records
    /// (<see cref="HashInputs.Groups"/>): each once, a group after the groups it names. A group without any glob, itself or
    /// through the groups it names, is left out (it adds no record to share). Unknown groups and loops, which
    /// <see cref="Expand"/> reports, are skipped.
    /// </summary>
    public IReadOnlyList<InputGroup> HashGroups(IReadOnlyList<Located<string>> entries)
    {
        var result = new List<InputGroup>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries.Where(e => e.Value.StartsWith('@')))
        {
            Visit(entry.Value[1..], result, visited);
        }

        return result;
    }

    /// <summary>Adds the group after the groups it names (depth first); true when it was added, now or before.</summary>
    private bool Visit(string name, List<InputGroup> result, HashSet<string> visited)
    {
        if (!visited.Add(name))
        {
            return result.Exists(g => g.Name == name);
        }

        if (!byName.TryGetValue(name, out var group))
        {
            return false;
        }

        var named = group.Patterns.Where(p => p.Value.StartsWith('@')).Select(p => p.Value[1..]).Distinct(StringComparer.Ordinal)
            .Where(sub => Visit(sub, result, visited)).ToList();
        if (!globsByName.TryGetValue(name, out var globs))
        {
            globsByName[name] = globs = GlobSet.Parse(group.Patterns.Where(p => !p.Value.StartsWith('@')).Select(p => p.Value));
        }

        if (named.Count == 0 && globs.Includes.Count == 0 && globs.Excludes.Count == 0)
        {
            return false;
        }

        result.Add(new InputGroup { Name = name, Groups = named, Include = globs.IncludeEres, Exclude = globs.ExcludeEres });
        return true;
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
