namespace CIGen.Core.Skipping;

/// <summary>The Redis parts of <see cref="MarkerScripts"/>: <c>redis-cli</c> calls, whose replies are read as text.</summary>
internal static class RedisMarkerScript
{
    // redis-cli's exit status does not tell a refused connection from an answer everywhere, so the reply text decides.
    // The URL is an argument (redis-cli has no other way to take it); --no-auth-warning keeps its password out of logs.
    internal const string Setup = """
          if [[ -z ${CIGEN_REDIS_URL-} ]]; then
            cigen_warn 'CIGEN_REDIS_URL is not set'
            exit 2
          fi
          if ! command -v redis-cli >/dev/null 2>&1; then
            cigen_warn 'redis-cli is not installed (Debian/Ubuntu: apt-get install redis-tools; macOS: brew install redis)'
            exit 2
          fi
          redis=(redis-cli --no-auth-warning -u "$CIGEN_REDIS_URL")
          if command -v timeout >/dev/null 2>&1; then redis=(timeout 30 "${redis[@]}"); fi

        """;

    internal const string Lookup = """
          reply=$("${redis[@]}" EXISTS "$key" 2>&1) || true
          case $reply in
            1) exit 0 ;;
            0) exit 1 ;;
          esac
          cigen_warn "Redis did not answer EXISTS: ${reply:-no reply}"
          exit 2

        """;

    internal const string Record = $$"""
          ttl=${CIGEN_REDIS_TTL:-2592000}
          if [[ ! $ttl =~ ^[1-9][0-9]*$ ]]; then
            cigen_warn "CIGEN_REDIS_TTL is '$ttl', not a number of seconds"
            exit 2
          fi
          reply=$("${redis[@]}" SET "$key" "$({{MarkerScripts.MarkerText}})" EX "$ttl" 2>&1) || true
          if [[ $reply == OK ]]; then exit 0; fi
          cigen_warn "Redis did not store it: ${reply:-no reply}"
          exit 2

        """;
}
