using System.Text.Json.Serialization;

namespace CIGen.Protocol;

/// <summary>The <c>kind</c> of each <see cref="KeyValue"/> on the wire.</summary>
public static class KeyValueKind
{
    public const string Tool = "tool";
    public const string Digest = "digest";
    public const string Join = "join";
}

/// <summary>One value a <see cref="KeyValuesStep"/> prints, named with letters, digits and '_'.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(Tool), KeyValueKind.Tool)]
[JsonDerivedType(typeof(Digest), KeyValueKind.Digest)]
[JsonDerivedType(typeof(Join), KeyValueKind.Join)]
public abstract record KeyValue(string Name)
{
    /// <summary>The value's <c>kind</c> on the wire (<see cref="KeyValueKind"/>), for messages and lookups.</summary>
    [JsonIgnore]
    public abstract string Kind { get; }

    /// <summary>A tool's version, from <paramref name="Probes"/> tried in order.</summary>
    public sealed record Tool(string Name, IReadOnlyList<VersionProbe> Probes) : KeyValue(Name)
    {
        [JsonIgnore]
        public override string Kind => KeyValueKind.Tool;
    }

    /// <summary>A digest of the files <paramref name="Include"/> and <paramref name="Exclude"/> select (as <see cref="HashInputs.Include"/>).</summary>
    public sealed record Digest(string Name, IReadOnlyList<string> Include, IReadOnlyList<string> Exclude) : KeyValue(Name)
    {
        [JsonIgnore]
        public override string Kind => KeyValueKind.Digest;
    }

    /// <summary>
    /// <paramref name="Parts"/> (literal, value and matrix parts) concatenated: a cache key's fixed prefix. A provider
    /// puts the leg's matrix value in (as text for a leg of its own, or read from an <c>env</c> part).
    /// </summary>
    public sealed record Join(string Name, IReadOnlyList<KeyPart> Parts) : KeyValue(Name)
    {
        [JsonIgnore]
        public override string Kind => KeyValueKind.Join;
    }
}
