using System.Text;
using System.Text.RegularExpressions;
using CIGen.Core.Files;
using CIGen.Protocol;

namespace CIGen.Core.Caching;

/// <summary>One tool whose version goes into cache keys: the value it is printed as, and how to find it, in order.</summary>
public sealed record ToolVersion(string Value, IReadOnlyList<VersionProbe> Probes);

/// <summary>A digest of the files matching <paramref name="Globs"/>, printed as <paramref name="Value"/>.</summary>
public sealed record FilesDigest(string Value, IReadOnlyList<string> Globs);

/// <summary>The bash behind a job's <c>key_values</c> step (docs/config.md, "Cache keys").</summary>
public static partial class KeyValuesScript
{
    public const string Os = "os";
    public const string OsVersion = "os_version";
    public const string Arch = "arch";

    /// <summary>
    /// The environment variable that, set to <see cref="SkipDigests"/> on the step, leaves the files digests out: for
    /// platforms that hash files natively (GitHub's <c>hashFiles</c>), where they would only cost time (and need GNU find).
    /// </summary>
    public const string DigestsVariable = "CIGEN_KEY_DIGESTS";

    public const string SkipDigests = "skip";

    /// <summary>
    /// Bash that prints <c>os=…</c>, <c>os_version=…</c>, <c>arch=…</c>, then one <c>name=value</c> line per tool and
    /// per digest (unless <see cref="DigestsVariable"/> is <c>skip</c>), in the given order, and nothing else on stdout.
    /// </summary>
    /// <remarks>
    /// A tool's probes are tried in order; the first that yields a version number (<c>[0-9]+(\.[0-9]+)*</c>) wins, a
    /// command counting only when it exits 0. A tool without one prints <c>unknown</c> and warns on stderr. Digests
    /// are <see cref="TreeDigest"/>'s, computed by <see cref="DigestScript"/> from the working directory.
    /// </remarks>
    /// <exception cref="ArgumentException">A value name that is empty, not [A-Za-z0-9_-], reserved or repeated.</exception>
    public static string Render(IReadOnlyList<ToolVersion> tools, IReadOnlyList<FilesDigest> digests)
    {
        CheckNames([Os, OsVersion, Arch, .. tools.Select(t => t.Value), .. digests.Select(d => d.Value)]);
        // Only the functions this job's probes use, so the step stays readable in the generated file.
        var allProbes = tools.SelectMany(t => t.Probes).ToList();
        var script = new StringBuilder(Prelude);
        script.Append(Platform);
        if (allProbes.Any(p => p.File is not null))
        {
            script.Append(FileProbe);
        }

        if (allProbes.Any(p => p.File is null && p.Command is not null))
        {
            script.Append(CommandProbe);
        }

        if (digests.Count > 0)
        {
            script.Append(DigestScript.Function);
        }

        script.Append("cigen_print ").Append(Os).Append(" \"$(cigen_os)\"\n");
        script.Append("cigen_print ").Append(OsVersion).Append(" \"$(cigen_os_version)\"\n");
        script.Append("cigen_print ").Append(Arch).Append(" \"$(cigen_arch)\"\n");
        foreach (var tool in tools)
        {
            var probes = tool.Probes.Select(Probe).ToList();
            script.Append("cigen_print ").Append(tool.Value).Append(" \"$(")
                .Append(probes.Count == 0 ? "true" : string.Join(" || ", probes)).Append(")\"\n");
        }

        if (digests.Count > 0)
        {
            script.Append("if [[ ${").Append(DigestsVariable).Append("-} != ").Append(SkipDigests).Append(" ]]; then\n");
            foreach (var digest in digests)
            {
                script.Append("  cigen_print ").Append(digest.Value).Append(" \"$(").Append(DigestScript.Call(GlobSet.Parse(digest.Globs))).Append(")\"\n");
            }

            script.Append("fi\n");
        }

        return script.ToString();
    }

    private static string Probe(VersionProbe probe)
    {
        if (probe.File is not null)
        {
            return probe.Pattern is null ? $"cigen_file {Quote(probe.File)}" : $"cigen_file {Quote(probe.File)} {Quote(probe.Pattern)}";
        }

        if (probe.Command is not null)
        {
            // The user's shell code, as written; a comment or several lines need their own lines to end before '}'.
            var command = probe.Command.Trim();
            var body = command.Contains('\n') || command.Contains('#') ? $"\n{command}\n" : $" {command}; ";
            return $"cigen_command \"$( {{{body}}} </dev/null 2>&1 )\" \"$?\"";
        }

        throw new ArgumentException("A version probe needs a file or a command.", nameof(probe));
    }

    private static string Quote(string text) => DigestScript.Quote(text);

    private static void CheckNames(IReadOnlyList<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!ValueName().IsMatch(name))
            {
                throw new ArgumentException($"Key value name '{name}' must be letters, digits, '_' or '-'.", nameof(names));
            }

            if (!seen.Add(name))
            {
                throw new ArgumentException($"Key value name '{name}' is used twice (os, os_version and arch are reserved).", nameof(names));
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex ValueName();

    private const string Prelude = """

        set -euo pipefail

        # name value: prints name=value with value sanitised to [A-Za-z0-9._-]; nothing found prints "unknown" and warns.
        cigen_print() {
          local LC_ALL=C value=$2
          if [[ -z $value ]]; then
            printf 'cigen: warning: could not determine %s; using "unknown" in cache keys\n' "$1" >&2
            value=unknown
          fi
          printf '%s=%s\n' "$1" "${value//[^A-Za-z0-9._-]/_}"
        }

        # text: the first version number in it, or fails.
        cigen_number() {
          [[ $1 =~ [0-9]+(\.[0-9]+)* ]] && printf '%s\n' "${BASH_REMATCH[0]}"
        }

        """;

    private const string FileProbe = """
        # file [ERE]: the first non-empty line not starting with '#', or the first line matching ERE (its group 1 if
        # any), as a version number.
        cigen_file() {
          local line
          [[ -f $1 ]] || return 1
          while IFS= read -r line || [[ -n $line ]]; do
            line=${line%$'\r'}
            if [[ $# -gt 1 ]]; then
              if [[ $line =~ $2 ]]; then
                if [[ ${#BASH_REMATCH[@]} -gt 1 ]]; then
                  cigen_number "${BASH_REMATCH[1]}"
                else
                  cigen_number "${BASH_REMATCH[0]}"
                fi
                return
              fi
            elif [[ $line =~ [^[:space:]] && $line != '#'* ]]; then
              cigen_number "$line"
              return
            fi
          done <"$1"
          return 1
        }

        """;

    private const string CommandProbe = """
        # output status: a command's version number, when it succeeded.
        cigen_command() {
          [[ $2 == 0 ]] && cigen_number "$1"
        }

        """;

    private const string Platform = """
        cigen_os() {
          case "$(uname -s)" in
            Linux) echo linux ;;
            Darwin) echo macos ;;
            MINGW* | MSYS* | CYGWIN* | Windows_NT) echo windows ;;
            *) uname -s ;;
          esac
        }

        cigen_os_version() {
          local key value id='' version=''
          if [[ -r /etc/os-release ]]; then
            while IFS='=' read -r key value || [[ -n $key ]]; do
              value=${value%$'\r'}
              value=${value#[\"\']}
              value=${value%[\"\']}
              case "$key" in
                ID) id=$value ;;
                VERSION_ID) version=$value ;;
              esac
            done </etc/os-release
            printf '%s%s\n' "$id" "$version"
          elif command -v sw_vers >/dev/null 2>&1; then
            printf 'macos%s\n' "$(sw_vers -productVersion)"
          fi
        }

        cigen_arch() {
          case "$(uname -m)" in
            x86_64 | amd64) echo x64 ;;
            aarch64 | arm64) echo arm64 ;;
            *) uname -m ;;
          esac
        }

        """;
}
