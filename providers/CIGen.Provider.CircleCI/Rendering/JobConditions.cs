using System.Text.RegularExpressions;
using CIGen.Protocol;
using CIGen.Provider.CircleCI.Model;
using CIGen.Provider.Sdk.Rendering;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>
/// A job's condition as CircleCI workflow filters. A CircleCI workflow runs a job when everything it requires succeeded
/// and the pushed ref passes the job's filters, so what a job condition can say is: <c>success()</c>; <c>always()</c> on
/// a job that requires nothing; <c>branch == 'x'</c> / <c>tag == 'x'</c> and <c>||</c> of them (<c>only</c>); and
/// <c>branch != 'x'</c> / <c>tag != 'x'</c> joined with <c>&amp;&amp;</c> (<c>ignore</c>). The filters narrow the
/// workflow's trigger filters.
/// </summary>
internal static class JobConditions
{
    private const string Everything = "/.*/";

    /// <summary>Null branches or tags: the condition does not restrict them. <see cref="Problem"/>: why it cannot be expressed.</summary>
    private sealed record Mapping(RefFilter? Branches, RefFilter? Tags, string? Problem = null);

    private static readonly Mapping Unrestricted = new(null, null);

    /// <summary>Reports a condition CircleCI cannot express, naming the job and what to do.</summary>
    public static void Check(Job job, Scope scope)
    {
        var condition = Conditions.Tree(job.If, job.Condition);
        if (Map(job, condition).Problem is not { } problem)
        {
            return;
        }

        var raw = Conditions.RawParts(condition);
        scope.Error(
            DiagnosticCodes.JobCondition,
            raw.Count > 0
                ? $"{scope.Description} has the condition `{job.If}`, which the circleci provider cannot express: "
                  + $"{string.Join(", ", raw.Select(r => $"`{r}`"))} is GitHub-only; CircleCI can test only `branch` and `tag` "
                  + "in a job condition; remove it, or keep the job for GitHub with a GitHub-only workflow"
                : $"{scope.Description} has the condition `{job.If}`, which the circleci provider cannot express: {problem}",
            job.Source);
    }

    /// <summary>The workflow's trigger filters narrowed by the job's condition (unchanged when the condition is not expressible).</summary>
    public static JobFilters? Filters(JobFilters? trigger, Job job)
    {
        var mapping = Map(job, Conditions.Tree(job.If, job.Condition));
        if (mapping.Problem is not null || mapping == Unrestricted)
        {
            return trigger;
        }

        var branches = Narrow(trigger?.Branches, mapping.Branches);
        // No tag filter on the trigger means no tag runs the workflow; a condition cannot add any.
        var tags = trigger?.Tags is null ? null : Narrow(trigger.Tags, mapping.Tags);
        if (tags is { Only.Count: 0 } && tags.Ignore.Contains(Everything))
        {
            tags = null;
        }

        return branches is null && tags is null ? null : new JobFilters { Branches = branches, Tags = tags };
    }

    private static Mapping Map(Job job, Condition? condition)
    {
        if (condition is null)
        {
            return Unrestricted;
        }

        var terms = (condition.And ?? [condition]).Where(t => Conditions.Classify(t) != StatusCondition.Success).ToList();
        if (terms.Count == 0)
        {
            return Unrestricted;
        }

        if (terms is [{ Status: ConditionStatus.Always }])
        {
            return job.Needs.Count == 0 && job.RequiresAny.Count == 0
                ? Unrestricted
                : new Mapping(null, null, "a CircleCI workflow runs a job only when every job it requires succeeded, so `always()` "
                    + "cannot apply to a job with requirements; remove the condition, or drop the requirement");
        }

        var branchOnly = new List<string>();
        var tagOnly = new List<string>();
        var branchIgnore = new List<string>();
        var tagIgnore = new List<string>();
        var only = false;
        foreach (var term in terms)
        {
            if (Inequality(term) is var (refName, value))
            {
                (refName == ConditionRef.Branch ? branchIgnore : tagIgnore).Add(value);
                continue;
            }

            var alternatives = term.Or ?? [term];
            if (only || alternatives.Any(a => Equality(a) is null))
            {
                return new Mapping(null, null,
                    "a CircleCI workflow can test only the pushed ref in a job condition: `branch == 'x'` or `tag == 'x'` joined with "
                    + "`||`, and `branch != 'x'` or `tag != 'x'` joined with `&&` (written as workflow filters); status functions other "
                    + "than `success()` and tests of `env`, `matrix` or functions cannot be expressed; remove the condition, or test it "
                    + "inside a step's script");
            }

            only = true;
            foreach (var (kind, name) in alternatives.Select(a => Equality(a)!.Value))
            {
                (kind == ConditionRef.Branch ? branchOnly : tagOnly).Add(name);
            }
        }

        RefFilter? branches = only
            ? branchOnly.Count > 0 ? new RefFilter { Only = [.. branchOnly.Distinct()] } : new RefFilter { Ignore = [Everything] }
            : null;
        if (branchIgnore.Count > 0)
        {
            branches = (branches ?? new RefFilter()) with { Ignore = [.. (branches?.Ignore ?? []).Concat(branchIgnore).Distinct()] };
        }

        RefFilter? tags = only
            ? tagOnly.Count > 0 ? new RefFilter { Only = [.. tagOnly.Distinct()] } : new RefFilter { Ignore = [Everything] }
            : null;
        if (tagIgnore.Count > 0)
        {
            tags = (tags ?? new RefFilter()) with { Ignore = [.. (tags?.Ignore ?? []).Concat(tagIgnore).Distinct()] };
        }

        return new Mapping(branches, tags);
    }

    private static (string Ref, string Value)? Equality(Condition term) =>
        term.Eq is { } operands ? RefAndLiteral(operands) : null;

    private static (string Ref, string Value)? Inequality(Condition term) =>
        term.Ne is { } operands ? RefAndLiteral(operands) : null;

    private static (string Ref, string Value)? RefAndLiteral(IReadOnlyList<Condition> operands) => operands switch
    {
        [{ Ref: { } name }, { Literal: { } value }] => (name, value),
        [{ Literal: { } value }, { Ref: { } name }] => (name, value),
        _ => null,
    };

    /// <summary>Refs passing both filters (null: every ref). Names only the condition gives are kept when the outer filter's list allows them.</summary>
    private static RefFilter? Narrow(RefFilter? outer, RefFilter? inner)
    {
        if (outer is null || inner is null)
        {
            return inner ?? outer;
        }

        IReadOnlyList<string> onlyList = (outer.Only.Count, inner.Only.Count) switch
        {
            (0, _) => inner.Only,
            (_, 0) => outer.Only,
            _ => [.. inner.Only.Where(name => outer.Only.Any(allowed => Matches(allowed, name)))],
        };
        var ignore = outer.Ignore.Concat(inner.Ignore).Distinct().ToList();
        if (outer.Only.Count > 0 && inner.Only.Count > 0 && onlyList.Count == 0 || ignore.Contains(Everything))
        {
            return new RefFilter { Ignore = [Everything] };
        }

        return new RefFilter { Only = onlyList, Ignore = ignore };
    }

    /// <summary>A CircleCI ref specifier: an exact name, or a regular expression between slashes that must match the whole name.</summary>
    private static bool Matches(string specifier, string name) =>
        specifier.Length > 2 && specifier[0] == '/' && specifier[^1] == '/'
            ? Regex.IsMatch(name, $"^(?:{specifier[1..^1]})$", RegexOptions.None, TimeSpan.FromSeconds(1))
            : specifier == name;
}
