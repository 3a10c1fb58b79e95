using System.Text;
using CIGen.Core.Files;
using CIGen.Protocol;

namespace CIGen.Core.Hashing;

/// <summary>
/// Bash that prints a job's <see cref="JobHash"/> value (bare lowercase hex and a newline, nothing else on stdout), run
/// from the project root; needs bash and GNU coreutils, find and grep, not .NET or git. Like
/// <see cref="JobHash.RequireDefinitionFiles"/>, it fails (exit 1, the missing file named on stderr) when one of the
/// job's definition files is not there: run in the wrong directory or before the checkout, it would otherwise print
/// the hash of whatever is there, and a marker recorded under that hash could skip the job.
/// </summary>
public static class JobHashScript
{
    public static string Render(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var script = new StringBuilder("set -euo pipefail\n\n").Append(DigestScript.Function);
        if (job.DefinitionFiles.Count > 0)
        {
            script.Append(RequireFiles);
            AppendFileNameDirective(script, job.DefinitionFiles);
            script.Append("cigen_require_files ")
                .AppendJoin(' ', job.DefinitionFiles.Select(DigestScript.Quote)).Append('\n');
        }

        var call = DigestScript.Call(GlobSet.Parse(job.SourceFiles), job.DefinitionFiles);
        AppendFileNameDirective(script, [call]);
        return script.Append(call).Append('\n').ToString();
    }

    // A function rather than a loop over the words: shellcheck flags a `for` over one quoted word (SC2041).
    private const string RequireFiles = """
        # file...: fails unless every file is there (the files the job's definition is read from).
        cigen_require_files() {
          local file
          for file in "$@"; do
            if [[ ! -f $file ]]; then
              printf 'cigen: error: %s is missing in %s; the job hash runs at the project root of a checkout, where every file of the job definition is\n' "$file" "$PWD" >&2
              exit 1
            fi
          done
        }

        """;

    private static void AppendFileNameDirective(StringBuilder script, IEnumerable<string> words)
    {
        if (words.Any(w => w.Contains('$', StringComparison.Ordinal) || w.Contains('`', StringComparison.Ordinal)))
        {
            script.Append("# shellcheck disable=SC2016 # '$' and '`' in these words are file names, deliberately not expanded\n");
        }
    }
}
