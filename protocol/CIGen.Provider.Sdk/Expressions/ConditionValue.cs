using System.Globalization;
using CIGen.Protocol;

namespace CIGen.Provider.Sdk.Expressions;

/// <summary>
/// A value in GitHub's expression language, with its rules for truth and loose equality, so a condition decided by
/// cigen (a matrix leg's value, the ref) means what GitHub would make of it.
/// </summary>
internal readonly record struct ConditionValue(ScalarKind? Kind, string Text)
{
    public static ConditionValue Null => new(null, "");

    public static ConditionValue Of(bool value) => new(ScalarKind.Boolean, value ? "true" : "false");

    public static ConditionValue Of(string text) => new(ScalarKind.String, text);

    public static ConditionValue Of(Scalar scalar) => new(scalar.Kind, scalar.Text);

    /// <summary>false, 0, -0, NaN, '' and null are false; everything else is true.</summary>
    public bool IsTrue => Kind switch
    {
        null => false,
        ScalarKind.Boolean => Text == "true",
        ScalarKind.Number => Number() is var n && n != 0 && !double.IsNaN(n),
        _ => Text.Length > 0,
    };

    /// <summary>Strings compare ignoring case; values of different types compare as numbers (so <c>true == 'true'</c> is false).</summary>
    public bool LooselyEquals(ConditionValue other)
    {
        if (Kind == ScalarKind.String && other.Kind == ScalarKind.String)
        {
            return string.Equals(Text, other.Text, StringComparison.OrdinalIgnoreCase);
        }

        if (Kind == other.Kind && Kind != ScalarKind.Number)
        {
            return Kind is null || Text == other.Text;
        }

        var (left, right) = (Number(), other.Number());
        return !double.IsNaN(left) && left == right;
    }

    /// <summary>GitHub's <c>startsWith</c>: both sides as strings, ignoring case.</summary>
    public bool StartsWith(ConditionValue prefix) => AsString().StartsWith(prefix.AsString(), StringComparison.OrdinalIgnoreCase);

    private string AsString() => Kind is null ? "" : Text;

    private double Number() => Kind switch
    {
        null => 0,
        ScalarKind.Boolean => Text == "true" ? 1 : 0,
        ScalarKind.Number => double.Parse(Text, CultureInfo.InvariantCulture),
        _ => string.IsNullOrWhiteSpace(Text) ? 0
            : double.TryParse(Text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : double.NaN,
    };
}
