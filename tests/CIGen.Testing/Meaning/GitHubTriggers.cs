using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace CIGen.Testing.Meaning;

/// <summary>One event of a workflow's <c>on:</c> with the filters that decide whether it starts the workflow.</summary>
public sealed record TriggerFilters(
    string Event,
    IReadOnlyList<string> Branches,
    IReadOnlyList<string> BranchesIgnore,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> TagsIgnore,
    IReadOnlyList<string> Types);

/// <summary>What happened: a push of a branch or a tag, a pull request (its base branch), a schedule or a manual run.</summary>
/// <param name="Name">GitHub's event name: push, pull_request, schedule, workflow_dispatch.</param>
/// <param name="Branch">The pushed branch, or "" for a tag push.</param>
/// <param name="Tag">The pushed tag, or "".</param>
/// <param name="BaseBranch">For a pull request, the branch it merges into.</param>
public sealed record GitHubEvent(string Name, string Branch, string Tag, string BaseBranch = "");

/// <summary>
/// Whether a workflow's <c>on:</c> starts it for an event, by GitHub's documented rules, written for the tests: push
/// filters on the ref kind they name (with only branch filters no tag push starts the workflow, and the other way
/// round; without any, every push does), pull request filters on the base branch, filter patterns as GitHub's globs
/// (<c>*</c> stops at <c>/</c>, <c>**</c> does not, <c>?</c>/<c>+</c> repeat the character before them, <c>[…]</c>,
/// <c>\</c> escapes) read in order with <c>!</c> taking back earlier matches, and <c>types</c> (a pull request is
/// <c>synchronize</c>d).
/// </summary>
public static class GitHubTriggers
{
    public static bool Starts(IEnumerable<TriggerFilters> triggers, GitHubEvent happened) =>
        triggers.Any(trigger => trigger.Event == happened.Name && Passes(trigger, happened));

    /// <summary>The events of an <c>on:</c> as GitHub reads it: a name, a list of names, or a mapping of events to filters.</summary>
    public static IReadOnlyList<TriggerFilters> Read(YamlNode on) => on switch
    {
        YamlScalarNode name => [Bare(name.Value!)],
        YamlSequenceNode names => [.. names.Children.Select(n => Bare(((YamlScalarNode)n).Value!))],
        YamlMappingNode events => [.. events.Children.Select(e => e.Value is YamlMappingNode filters
            ? new TriggerFilters(((YamlScalarNode)e.Key).Value!, List(filters, "branches"), List(filters, "branches-ignore"),
                List(filters, "tags"), List(filters, "tags-ignore"), List(filters, "types"))
            : Bare(((YamlScalarNode)e.Key).Value!))],
        _ => throw new InvalidOperationException("on: is a name, a list or a mapping"),
    };

    private static TriggerFilters Bare(string name) => new(name, [], [], [], [], []);

    private static List<string> List(YamlMappingNode map, string key) =>
        !map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? []
        : node is YamlSequenceNode list ? [.. list.Children.Select(c => ((YamlScalarNode)c).Value!)]
        : [((YamlScalarNode)node).Value!];

    private static bool Passes(TriggerFilters trigger, GitHubEvent happened)
    {
        switch (happened.Name)
        {
            case "push":
                var filtersBranches = trigger.Branches.Count > 0 || trigger.BranchesIgnore.Count > 0;
                var filtersTags = trigger.Tags.Count > 0 || trigger.TagsIgnore.Count > 0;
                return happened.Tag.Length > 0
                    ? filtersTags ? Accepts(trigger.Tags, trigger.TagsIgnore, happened.Tag) : !filtersBranches
                    : filtersBranches ? Accepts(trigger.Branches, trigger.BranchesIgnore, happened.Branch) : !filtersTags;
            case "pull_request" or "pull_request_target":
                return (trigger.Types.Count == 0 || trigger.Types.Contains("synchronize"))
                    && Accepts(trigger.Branches, trigger.BranchesIgnore, happened.BaseBranch);
            default:
                return true;
        }
    }

    private static bool Accepts(IReadOnlyList<string> patterns, IReadOnlyList<string> ignored, string name)
    {
        if (ignored.Count > 0)
        {
            return !ignored.Any(p => Matches(p, name));
        }

        if (patterns.Count == 0)
        {
            return true;
        }

        var accepted = false;
        foreach (var pattern in patterns)
        {
            if (pattern.StartsWith('!'))
            {
                accepted &= !Matches(pattern[1..], name);
            }
            else
            {
                accepted |= Matches(pattern, name);
            }
        }

        return accepted;
    }

    /// <summary>A GitHub filter pattern against a whole ref name.</summary>
    public static bool Matches(string pattern, string name)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    regex.Append(".*");
                    i++;
                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?' or '+':
                    regex.Append(c);
                    break;
                case '[':
                    var end = pattern.IndexOf(']', i);
                    regex.Append(pattern, i, end - i + 1);
                    i = end;
                    break;
                case '\\' when i + 1 < pattern.Length:
                    regex.Append(Regex.Escape(pattern[++i].ToString()));
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return Regex.IsMatch(name, regex.Append('$').ToString());
    }
}
