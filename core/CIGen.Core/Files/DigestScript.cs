using System.Text;

namespace CIGen.Core.Files;

/// <summary>
/// <see cref="TreeDigest"/> in bash (GNU find, grep, sort, xargs, sha256sum; no .NET, no git), run from the project
/// root: the one <c>cigen_digest</c> function every generated script that needs a digest (cache keys, job hashes) uses.
/// </summary>
public static class DigestScript
{
    /// <summary>
    /// The function: <c>cigen_digest INCLUDE-ERE [EXCLUDE-ERE [FILE...]]</c> prints the digest of the regular files
    /// (never <c>.git/</c>) whose path matches INCLUDE-ERE and not EXCLUDE-ERE (empty: nothing excluded), plus each
    /// FILE that exists, whatever the EREs say (<see cref="TreeDigest.Files(string, GlobSet, IEnumerable{string})"/>).
    /// </summary>
    public const string Function = """
        # include-ERE [exclude-ERE [file...]]: SHA-256 of `sha256sum` over the matching regular files (never .git/) and
        # the files given (when they exist, whatever the EREs say), in byte order.
        cigen_digest() {
          local sum
          sum=$(
            {
              find . -path ./.git -prune -o -type f -printf '%P\0' |
                { LC_ALL=C grep -zE -e "$1" || [[ $? == 1 ]]; } |
                { if [[ -n ${2-} ]]; then LC_ALL=C grep -zvE -e "$2" || [[ $? == 1 ]]; else cat; fi; }
              local file
              for file in "${@:3}"; do
                if [[ -f $file ]]; then printf '%s\0' "$file"; fi
              done
            } |
              LC_ALL=C sort -zu |
              xargs -0 -r sha256sum -- |
              sha256sum
          ) || return
          printf '%s\n' "${sum%% *}"
        }

        """;

    /// <summary>A <c>cigen_digest</c> call for <paramref name="globs"/> and the always-included files (relative paths).</summary>
    public static string Call(GlobSet globs, IReadOnlyList<string>? alwaysIncluded = null)
    {
        ArgumentNullException.ThrowIfNull(globs);
        var call = new StringBuilder("cigen_digest ").Append(Quote(globs.IncludeEre));
        if (globs.ExcludeEre is not null || alwaysIncluded is { Count: > 0 })
        {
            call.Append(' ').Append(Quote(globs.ExcludeEre ?? ""));
        }

        foreach (var file in alwaysIncluded ?? [])
        {
            call.Append(' ').Append(Quote(file));
        }

        return call.ToString();
    }

    /// <summary>A bash word that is exactly <paramref name="text"/>.</summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
