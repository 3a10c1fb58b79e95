using CIGen.Core.Config.Model;
using CIGen.Core.Config.Yaml;
using CIGen.Protocol;
using CIGen.Provider.Sdk.Rendering;

namespace CIGen.Core.Config.Binding;

/// <summary>Service containers: top-level definitions, and a job's list of names or inline definitions.</summary>
internal static class ServiceBinder
{
    private static readonly KeySet Keys = new("a mapping `{image, ports, env, health}`", ["image", "ports", "env", "environment", "health"]);
    private static readonly KeySet InlineKeys = new("a mapping `{name, image, ports, env, health}`", ["name", .. Keys.Keys]);
    private static readonly KeySet HealthKeys = new("a mapping `{cmd, interval, timeout, retries}`", ["cmd", "interval", "timeout", "retries"]);

    public static IReadOnlyList<Service> BindDefinitions(ConfigNode node, NodeReader reader) =>
        [.. reader.Entries(node, "`services`", "a mapping of service names to `{image, ports, env, health}`")
            .Select(entry => Bind(entry.Key, entry.Name, reader.Map(entry.Value, $"service `{entry.Name}`", Keys)))
            .OfType<Service>()];

    /// <summary>A job's <c>services</c>: a list of names and inline definitions, or a mapping of inline definitions.</summary>
    public static IReadOnlyList<ServiceUse> BindUses(ConfigNode node, string what, NodeReader reader)
    {
        switch (node)
        {
            case ScalarNode { IsNull: true }:
                return [];
            case MapNode:
                return [.. BindDefinitions(node, reader).Select(s => new ServiceUse(null, s))];
            case SequenceNode sequence:
                var uses = new List<ServiceUse>();
                foreach (var item in sequence.Items)
                {
                    if (item is ScalarNode { Type: ScalarType.String } name)
                    {
                        uses.Add(new ServiceUse(new Located<string>(name.Value, name.Location), null));
                    }
                    else if (item is MapNode)
                    {
                        var map = reader.Map(item, $"a service in {what}", InlineKeys);
                        if (map.Require("name", item, "name: postgres") && map.String("name") is { } serviceName
                            && Bind(map.Entry("name")!.Key, serviceName, map) is { } service)
                        {
                            uses.Add(new ServiceUse(null, service));
                        }
                    }
                    else
                    {
                        reader.WrongType(item, $"each item of {what}", "a service name or a mapping `{name, image, ...}`");
                    }
                }

                return uses;
            default:
                reader.WrongType(node, what, "a list of service names or a mapping of service definitions");
                return [];
        }
    }

    private static Service? Bind(ScalarNode at, string name, MapReader map)
    {
        var reader = map.Reader;
        var hasImage = map.Require("image", at, "image: postgres:16");
        var image = map.String("image");
        var health = map.Get("health") is { } healthNode ? BindHealth(reader.Map(healthNode, map.Label("health"), HealthKeys), healthNode) : null;
        var ports = map.Get("ports") is { } portsNode ? Ports(portsNode, map.Label("ports"), reader) : [];
        var env = reader.Env(map, ScalarKeys.ContainerVariables);
        return hasImage && image is not null
            ? new Service { Name = name, Image = image, Ports = ports, Env = env, Health = health, Source = at.Location }
            : null;
    }

    private static IReadOnlyList<string> Ports(ConfigNode node, string what, NodeReader reader)
    {
        if (node is SequenceNode sequence)
        {
            return [.. sequence.Items.Select(item => reader.String(item, $"each item of {what}")).OfType<string>()];
        }

        reader.WrongType(node, what, "a list of ports such as `[5432]` or `['5432:5432']`");
        return [];
    }

    private static ServiceHealth? BindHealth(MapReader health, ConfigNode at) =>
        health.Require("cmd", at, "cmd: pg_isready") && health.String("cmd") is { } cmd
            ? new ServiceHealth
            {
                Cmd = cmd,
                Interval = Duration(health, "interval"),
                Timeout = Duration(health, "timeout"),
                Retries = health.PositiveInt("retries"),
            }
            : null;

    /// <summary>Docker takes Go durations (<c>10s</c>, <c>1m30s</c>); anything else would fail only when the job starts.</summary>
    private static string? Duration(MapReader health, string key)
    {
        var text = health.String(key);
        if (text is not null && DockerDuration.Seconds(text) is null)
        {
            health.Reader.Error(DiagnosticCodes.InvalidValue, health.Get(key)!,
                $"`{text}` in {health.Label(key)} is not a duration; write a number with a unit: `10s`, `1m30s`, `500ms`");
            return null;
        }

        return text;
    }
}
