using System.Text.RegularExpressions;

namespace CIGen.Core.Config.Binding;

/// <summary>
/// The shape of a POSIX cron expression as GitHub's <c>schedule</c> accepts it: five fields of numbers, <c>*</c>,
/// steps, ranges and lists; month and weekday fields may use names (JAN, MON). Ranges of values are left to the platform.
/// </summary>
internal static partial class CronExpression
{
    private static readonly string[] FieldNames = ["minute", "hour", "day of month", "month", "day of week"];

    /// <summary>What is wrong with <paramref name="cron"/>, or null when it has the shape of a cron expression.</summary>
    public static string? Problem(string cron)
    {
        var fields = cron.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != FieldNames.Length)
        {
            return $"it has {fields.Length} field{(fields.Length == 1 ? "" : "s")}, not 5";
        }

        for (var i = 0; i < fields.Length; i++)
        {
            var valid = i switch
            {
                3 => MonthField().IsMatch(fields[i]),
                4 => WeekdayField().IsMatch(fields[i]),
                _ => NumericField().IsMatch(fields[i]),
            };
            if (!valid)
            {
                return $"the {FieldNames[i]} field `{fields[i]}` may only hold digits, `*`, `/`, `-` and `,`{(i >= 3 ? " and names such as " + (i == 3 ? "JAN" : "MON") : "")}";
            }
        }

        return null;
    }

    // A list of items; an item is `*` or a value or a range, optionally followed by `/step`.
    [GeneratedRegex(@"\A(\*|\d+(-\d+)?)(/\d+)?(,(\*|\d+(-\d+)?)(/\d+)?)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex NumericField();

    [GeneratedRegex(@"\A(\*|(\d+|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)(-(\d+|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC))?)(/\d+)?(,(\*|(\d+|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)(-(\d+|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC))?)(/\d+)?)*\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex MonthField();

    [GeneratedRegex(@"\A(\*|(\d+|SUN|MON|TUE|WED|THU|FRI|SAT)(-(\d+|SUN|MON|TUE|WED|THU|FRI|SAT))?)(/\d+)?(,(\*|(\d+|SUN|MON|TUE|WED|THU|FRI|SAT)(-(\d+|SUN|MON|TUE|WED|THU|FRI|SAT))?)(/\d+)?)*\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex WeekdayField();
}
