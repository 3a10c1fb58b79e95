using CIGen.Protocol;

namespace CIGen.Testing;

/// <summary>Short builders for graph objects, so each test shows only what it is about.</summary>
public static class G
{
    public static SourceLocation At(string file, int line = 1, int column = 1) => new(file, line, column);

    public static Graph Graph(params Workflow[] workflows) => new() { ConfigSource = ".cigen", Workflows = workflows };

    /// <summary>A workflow triggered by pushes to every branch and tag (GitHub's bare <c>on: push</c>).</summary>
    public static Workflow Workflow(string id, params Job[] jobs) => new()
    {
        Id = id,
        Source = At($".cigen/workflows/{id}.yml"),
        Triggers = [Push()],
        Jobs = jobs,
    };

    public static Trigger Push() => Event("push");

    public static Trigger Event(string name) => new() { Event = name, Source = At(".cigen/workflows/ci.yml", 2, 3) };

    public static Job Job(string id, params Step[] steps) => new()
    {
        Id = id,
        Source = At($".cigen/workflows/ci/jobs/{id}.yml"),
        Steps = steps,
    };

    public static Job Approval(string id) => new() { Id = id, Type = "approval", Source = At($".cigen/workflows/ci/jobs/{id}.yml") };

    public static RunStep Run(string script, string? name = null) => new()
    {
        Run = script,
        Name = name,
        Source = At(".cigen/workflows/ci/jobs/test.yml", 4, 5),
    };

    public static UsesStep Uses(string action) => new() { Uses = action, Source = At(".cigen/workflows/ci/jobs/test.yml", 6, 5) };

    public static CheckoutStep Checkout() => new() { Source = At(".cigen/workflows/ci/jobs/test.yml", 3, 5) };

    public static CommandStep UseCommand(string name) => new() { Command = name, Source = At(".cigen/workflows/ci/jobs/test.yml", 8, 5) };

    public static RestoreCacheStep RestoreCache(params string[] keys) => new() { Keys = keys, Source = At(".cigen/workflows/ci/jobs/test.yml", 10, 5) };

    public static SaveCacheStep SaveCache(string key, params string[] paths) => new() { Key = key, Paths = paths, Source = At(".cigen/workflows/ci/jobs/test.yml", 12, 5) };

    public static Command Command(string name, params Step[] steps) => new() { Name = name, Steps = steps, Source = At($".cigen/commands/{name}.yml") };

    public static OrderedDictionary<string, Scalar> Env(params (string Key, Scalar Value)[] entries)
    {
        var env = new OrderedDictionary<string, Scalar>();
        foreach (var (key, value) in entries)
        {
            env.Add(key, value);
        }

        return env;
    }
}
