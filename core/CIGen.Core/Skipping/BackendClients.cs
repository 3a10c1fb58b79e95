namespace CIGen.Core.Skipping;

/// <summary>
/// Installs the command-line client an S3 or Redis skip backend needs (<c>aws</c>, <c>redis-cli</c>) when the machine
/// lacks it, as GitHub's hosted images (no redis-cli), <c>cimg/base</c> and most images do: without it every lookup
/// fails and skipping silently does nothing. Sent as <c>SkipBackend.ClientScript</c>, so every provider runs the same.
/// Debian/Ubuntu's apt-get first (with sudo when not root, as on the cimg images), for S3 then pip. When installation
/// fails the script only warns: the lookup then fails too, and the job runs (never a false skip).
/// </summary>
public static class BackendClients
{
    private const string AsRoot =
        """
        cigen_as_root() {
          if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else return 1; fi
        }

        """;

    private const string AptInstall = "{ cigen_as_root apt-get update -qq && cigen_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends";

    /// <summary>The script that installs the client of a backend of <paramref name="type"/>; empty for the native backend.</summary>
    public static string InstallScript(string type) => type switch
    {
        "redis" =>
            AsRoot
            + "if ! command -v redis-cli >/dev/null 2>&1; then\n"
            + "  echo \"cigen: installing redis-cli (redis-tools) for the skip marker\"\n"
            + $"  if ! {AptInstall} redis-tools; }} >/dev/null 2>&1; then\n"
            + "    echo \"cigen: warning: could not install redis-cli (redis-tools); the skip marker cannot be read or written\" >&2\n"
            + "  fi\n"
            + "fi\n",
        "s3" =>
            AsRoot
            // pip --user puts aws here; every step is a shell of its own, so each adds it again.
            + "export PATH=\"$HOME/.local/bin:$PATH\"\n"
            + "if ! command -v aws >/dev/null 2>&1; then\n"
            + "  echo \"cigen: installing the AWS CLI (awscli) for the skip marker\"\n"
            + $"  if ! {AptInstall} awscli; }} >/dev/null 2>&1 \\\n"
            + "    && ! python3 -m pip install --quiet --user awscli >/dev/null 2>&1 \\\n"
            + "    && ! python3 -m pip install --quiet --user --break-system-packages awscli >/dev/null 2>&1; then\n"
            + "    echo \"cigen: warning: could not install the AWS CLI (awscli); the skip marker cannot be read or written\" >&2\n"
            + "  fi\n"
            + "fi\n",
        _ => "",
    };
}
