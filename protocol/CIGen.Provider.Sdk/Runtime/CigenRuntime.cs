using CIGen.Provider.Sdk.Rendering;

namespace CIGen.Provider.Sdk.Runtime;

/// <summary>
/// The shell a generated configuration calls for what the platforms do not do themselves (docs/protocol.md,
/// "Runtime"): <see cref="Script"/> is written once per generated output, and jobs run it with an operation, its
/// records in <see cref="SpecVariable"/>, and the variables below. It prints <c>name=value</c> lines on stdout.
/// </summary>
public static class CigenRuntime
{
    /// <summary>The runtime's version; it changes when an operation's records or outputs do.</summary>
    public const int Version = 1;

    /// <summary>The file name providers give the runtime where it is a file of its own.</summary>
    public const string FileName = "cigen-runtime.sh";

    private static readonly EmbeddedScript Text = new(typeof(CigenRuntime).Assembly, "CIGen.Provider.Sdk.Runtime.cigen-runtime.sh");

    /// <summary>The whole runtime, every part.</summary>
    public static string Script => Text.Text;

    /// <summary>
    /// The runtime with only <paramref name="parts"/> (and what every operation shares): a generated output carries no
    /// S3 client for a config without S3. A part starts at a <c># runtime-part: NAME</c> line of the script (NAME+NAME…:
    /// kept only with every one of them) and runs to the next such line. The copy
    /// keeps the script's opening comment (what it is, where it is documented) and its shellcheck directives but no
    /// other comment line: the commentary lives in the source, and a maintainer reviews every line of a generated file.
    /// </summary>
    public static string ScriptFor(RuntimeParts parts)
    {
        var kept = new System.Text.StringBuilder();
        var keep = true;
        var opening = true;
        var blank = false;
        foreach (var line in Script.Split('\n'))
        {
            if (line.StartsWith(PartMarker, StringComparison.Ordinal))
            {
                keep = line[PartMarker.Length..].Split('+').All(part => Keeps(part, parts));
                continue;
            }

            opening &= line.StartsWith('#');
            if (!keep || (!opening && EmbeddedScript.IsCommentary(line)) || (blank && line.Length == 0))
            {
                continue;
            }

            blank = line.Length == 0;
            kept.Append(line).Append('\n');
        }

        return kept.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>
    /// A shell file of the output that carries (a part of) the runtime: cigen's header first — the host adds it only to
    /// YAML files — then shellcheck told the dialect, then <paramref name="body"/> without a shebang: the file is run as
    /// <c>bash FILE</c>.
    /// </summary>
    /// <param name="configSource">Named in the header, as the host names it in the YAML files' header.</param>
    public static string AsFile(string configSource, string body) =>
        $"{GeneratedHeader.For(configSource)}# shellcheck shell=bash\n{WithoutShebang(body)}";

    /// <summary><paramref name="script"/> without its <c>#!</c> line, if it has one.</summary>
    public static string WithoutShebang(string script) =>
        script.StartsWith("#!", StringComparison.Ordinal) ? script[(script.IndexOf('\n', StringComparison.Ordinal) + 1)..] : script;

    /// <summary>Whether a copy with <paramref name="parts"/> keeps the part named <paramref name="name"/>.</summary>
    private static bool Keeps(string name, RuntimeParts parts)
    {
        bool Has(RuntimeParts part) => (parts & part) == part;
        return name switch
        {
            "always" => true,
            "digest" => Has(RuntimeParts.Hash) || Has(RuntimeParts.Keys | RuntimeParts.KeyDigests),
            "hash" => Has(RuntimeParts.Hash),
            "hash-ref" => Has(RuntimeParts.Hash | RuntimeParts.HashRef),
            "hash-legs" => Has(RuntimeParts.Hash | RuntimeParts.HashLegs),
            "hash-sets" => Has(RuntimeParts.Hash | RuntimeParts.HashSets),
            "keys" => Has(RuntimeParts.Keys),
            "keys-probes" => Has(RuntimeParts.Keys | RuntimeParts.KeyProbes),
            "keys-files" => Has(RuntimeParts.Keys | RuntimeParts.KeyProbes | RuntimeParts.KeyFiles),
            "keys-digest" => Has(RuntimeParts.Keys | RuntimeParts.KeyDigests),
            "markers" => (parts & RuntimeParts.Backends) != 0,
            "clients" => (parts & (RuntimeParts.S3 | RuntimeParts.Redis)) != 0,
            "s3" => Has(RuntimeParts.S3),
            "redis" => Has(RuntimeParts.Redis),
            "github" => Has(RuntimeParts.GitHubCache),
            var other => throw new InvalidOperationException($"the runtime names an unknown part '{other}'"),
        };
    }


    private const string PartMarker = "# runtime-part: ";

    /// <summary>Operations, the runtime's one argument.</summary>
    public const string Hash = "hash";
    public const string Keys = "keys";
    public const string Lookup = "lookup";
    public const string Record = "record";

    /// <summary>The operation's records (<see cref="RuntimeSpec"/>).</summary>
    public const string SpecVariable = "CIGEN_SPEC";

    /// <summary><c>s3</c>, <c>redis</c> or <c>github</c> for a marker backend the runtime asks; unset for a platform's own cache.</summary>
    public const string BackendVariable = "CIGEN_BACKEND";

    /// <summary>The marker <c>lookup</c> and <c>record</c> work on.</summary>
    public const string MarkerKeyVariable = "CIGEN_MARKER_KEY";

    /// <summary><c>1</c>: also print <c>json={…}</c> with every name and value, for platforms that read one output.</summary>
    public const string JsonVariable = "CIGEN_JSON";

    /// <summary><c>skip</c>: <c>keys</c> leaves the digests out, for platforms that hash files themselves.</summary>
    public const string DigestsVariable = "CIGEN_KEY_DIGESTS";

    /// <summary><c>github</c>: warnings and errors as GitHub workflow commands (annotations).</summary>
    public const string AnnotateVariable = "CIGEN_ANNOTATE";

    /// <summary>What <c>hash</c> prints for job <paramref name="job"/>: its JOB_HASH.</summary>
    public static string HashOutput(string job) => $"{job}_hash";

    /// <summary>What <c>hash</c> prints for a ref-scoped job: the REF_KIND its markers name.</summary>
    public static string RefKindOutput(string job) => $"{job}_ref_kind";

    /// <summary>What <c>hash</c> prints for every job: <c>true</c>, or <c>false</c> when its markers must not be looked up on this run.</summary>
    public static string LookupOutput(string job) => $"{job}_lookup";

    /// <summary>What <c>hash</c> prints after a marker's name when a backend is set: whether the marker exists.</summary>
    public static string FoundOutput(string marker) => $"{marker}_found";

    /// <summary>What <c>hash</c> prints for a matrix job: the JSON object of its legs' markers, by the leg's key.</summary>
    public static string LegsOutput(string job) => $"{job}_legs";

    /// <summary>What <c>hash</c> prints for a matrix job: the JSON array of the matrix values of its legs whose markers were found.</summary>
    public static string SkippedOutput(string job) => $"{job}_skipped";

    /// <summary>What <c>hash</c> prints for a matrix job: <c>{"include":[…]}</c>, the matrix values of its legs that run.</summary>
    public static string RunningOutput(string job) => $"{job}_running";

    /// <summary>What <c>hash</c> prints for a matrix job: <c>skip</c> when every leg is skipped, else <c>run</c>.</summary>
    public static string VerdictOutput(string job) => job;

    /// <summary>For the <c>github</c> backend: a token that may list the repository's Actions cache (<c>actions: read</c>).</summary>
    public const string GitHubTokenVariable = "CIGEN_GITHUB_TOKEN";

    /// <summary>For the <c>github</c> backend: what every marker's key starts with, to list only markers.</summary>
    public const string GitHubKeyPrefixVariable = "CIGEN_GITHUB_KEY_PREFIX";

    /// <summary>For the <c>github</c> backend: the repository's default branch, whose entries every run may read.</summary>
    public const string GitHubDefaultBranchVariable = "CIGEN_GITHUB_DEFAULT_BRANCH";

    /// <summary>What <c>record</c> prints with the <c>github</c> backend: the key to save the marker's file under.</summary>
    public const string CacheMarkerOutput = "cache_marker";

    /// <summary>The file <c>record</c> writes with the <c>github</c> backend, as actions/cache names it.</summary>
    public const string CacheMarkerFile = "~/.cigen-skip-marker";

    /// <summary>What <c>lookup</c> prints: whether <see cref="MarkerKeyVariable"/> exists.</summary>
    public const string FoundVariable = "found";
}
