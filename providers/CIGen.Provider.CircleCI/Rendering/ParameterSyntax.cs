using System.Text.RegularExpressions;
using CIGen.Provider.Sdk.Yaml;

namespace CIGen.Provider.CircleCI.Rendering;

/// <summary>
/// CircleCI 2.1 reads <c>&lt;&lt; … &gt;&gt;</c> anywhere in a config string as parameter syntax, so a user's
/// <c>cat &lt;&lt;EOF … &gt;&gt; out</c> or <c>$((1 &lt;&lt; 4)) &gt;&gt; f</c> would fail to process. Every
/// <c>&lt;&lt;</c> is escaped as <c>\&lt;&lt;</c> (CircleCI's documented escape) except the references the provider
/// itself writes — <c>&lt;&lt; parameters.x &gt;&gt;</c>, <c>&lt;&lt; pipeline.parameters.x &gt;&gt;</c> and
/// <c>&lt;&lt; pipeline.git.tag &gt;&gt;</c> / <c>branch</c>, spelled
/// exactly so. Done once on the finished document, so that no string of user text can slip past.
/// </summary>
internal static partial class ParameterSyntax
{
    public static string Escape(string text) =>
        text.Contains("<<", StringComparison.Ordinal) ? UnescapedOpening().Replace(text, @"\<<") : text;

    /// <summary>The same tree with every string value escaped; keys are names, which never hold <c>&lt;&lt;</c>.</summary>
    public static YamlNode Escape(YamlNode node) => YamlStrings.Map(node, Escape);

    // The provider's own references are `<< parameters.NAME >>` (CommandMatrixParameters, AutomatedApproval) and
    // `<< pipeline.parameters.NAME >>` (ConfigRenderer's workflow guards), `<< pipeline.git.tag >>` and
    // `<< pipeline.git.branch >>` (StepRefConditions' logic statements).
    [GeneratedRegex(@"<<(?! (?:(?:pipeline\.)?parameters\.[A-Za-z0-9_-]+|pipeline\.git\.(?:tag|branch)) >>)")]
    private static partial Regex UnescapedOpening();
}
