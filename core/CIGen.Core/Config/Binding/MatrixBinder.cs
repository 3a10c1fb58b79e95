using CIGen.Core.Config.Model;
using CIGen.Core.Config.Yaml;
using CIGen.Protocol;

namespace CIGen.Core.Config.Binding;

/// <summary>A job's <c>matrix:</c>: dimensions, plus the reserved keys <c>include</c>, <c>exclude</c> and <c>fail_fast</c>.</summary>
internal static class MatrixBinder
{
    private const string Include = "include";
    private const string Exclude = "exclude";
    private const string FailFast = "fail_fast";

    public static MatrixModel Bind(ConfigNode node, string what, NodeReader reader)
    {
        var dimensions = new List<MatrixDimension>();
        IReadOnlyList<MatrixEntry> include = [];
        IReadOnlyList<MatrixEntry> exclude = [];
        bool? failFast = null;
        foreach (var entry in reader.Entries(node, what, "a mapping of dimension names to lists of values"))
        {
            switch (entry.Name)
            {
                case Include:
                    include = Entries(entry.Value, $"`include` in {what}", reader);
                    continue;
                case Exclude:
                    exclude = Entries(entry.Value, $"`exclude` in {what}", reader);
                    continue;
                case FailFast:
                    failFast = reader.Bool(entry.Value, $"`fail_fast` in {what}");
                    continue;
            }

            if (!Names.IsId(entry.Name))
            {
                reader.Error(DiagnosticCodes.InvalidName, entry.Key, $"`{entry.Name}` is not a valid matrix dimension name; use {Names.IdRule}");
                continue;
            }

            if (entry.Value is not SequenceNode { Items.Count: > 0 } values)
            {
                reader.WrongType(entry.Value, $"`{entry.Name}` in {what}", "a non-empty list of values");
                continue;
            }

            var scalars = new List<Scalar>();
            foreach (var value in values.Items)
            {
                if (value is ScalarNode { IsNull: false } scalar)
                {
                    scalars.Add(scalar.ToScalar());
                }
                else
                {
                    reader.WrongType(value, $"each value of `{entry.Name}` in {what}", "a string, number or boolean");
                }
            }

            dimensions.Add(new MatrixDimension(entry.Name, scalars));
        }

        return new MatrixModel(dimensions, include, exclude, failFast);
    }

    /// <summary>A list of non-empty mappings of names to scalars, each keeping where it was written.</summary>
    private static IReadOnlyList<MatrixEntry> Entries(ConfigNode node, string what, NodeReader reader)
    {
        if (node is not SequenceNode sequence)
        {
            reader.WrongType(node, what, "a list of mappings of dimension names to values");
            return [];
        }

        var entries = new List<MatrixEntry>();
        foreach (var item in sequence.Items)
        {
            if (item is not MapNode { Entries.Count: > 0 } map)
            {
                reader.WrongType(item, $"each item of {what}", "a non-empty mapping of dimension names to values");
                continue;
            }

            var bad = map.Entries.FirstOrDefault(e => !Names.IsId(e.Name));
            if (bad is not null)
            {
                reader.Error(DiagnosticCodes.InvalidName, bad.Key, $"`{bad.Name}` in {what} is not a valid matrix dimension name; use {Names.IdRule}");
                continue;
            }

            entries.Add(new MatrixEntry(reader.Scalars(map, $"each item of {what}", ScalarKeys.Names), item.Location));
        }

        return entries;
    }
}
