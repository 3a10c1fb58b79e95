using System.Text;
using CIGen.Core.Files;
using CIGen.Protocol;

namespace CIGen.Core.Hashing;

/// <summary>
/// Bash that prints a job's <see cref="JobHash"/> value (bare lowercase hex and a newline, nothing else on stdout), run
/// from the project root; needs bash and GNU coreutils, find and grep, not .NET or git.
/// </summary>
public static class JobHashScript
{
    public static string Render(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var call = DigestScript.Call(GlobSet.Parse(job.SourceFiles), job.DefinitionFiles);
        var script = new StringBuilder("set -euo pipefail\n\n").Append(DigestScript.Function);
        if (call.Contains('$', StringComparison.Ordinal) || call.Contains('`', StringComparison.Ordinal))
        {
            script.Append("# shellcheck disable=SC2016 # '$' and '`' in these words are file names, deliberately not expanded\n");
        }

        return script.Append(call).Append('\n').ToString();
    }
}
