namespace CIGen.Core.Skipping;

/// <summary>The Redis parts of <see cref="MarkerScripts"/>: <c>redis-cli</c> calls, whose replies are read as text.</summary>
internal static class RedisMarkerScript
{
    // redis-cli's exit status does not tell a refused connection from an answer everywhere, so the reply text decides.
    // A password in the URL would show in the process list (`ps`, /proc/*/cmdline) as an argument of -u: it goes through
    // REDISCLI_AUTH instead, and the user (not secret) through --user; redis-cli gets the URL without them. As redis-cli
    // reads the user part: `user:password@`, `:password@` (default user) and a lone `password@`; %XX decoded.
    internal const string Setup = """
          if [[ -z ${CIGEN_REDIS_URL-} ]]; then
            cigen_warn 'CIGEN_REDIS_URL is not set'
            exit 2
          fi
          if ! command -v redis-cli >/dev/null 2>&1; then
            cigen_warn 'redis-cli is not installed (Debian/Ubuntu: apt-get install redis-tools; macOS: brew install redis)'
            exit 2
          fi
          # TEXT: sets `decoded` to TEXT with its %XX escapes decoded.
          cigen_url_decode() {
            local text=$1 byte
            decoded=''
            while [[ $text == *%* ]]; do
              decoded+=${text%%\%*}
              text=${text#*%}
              byte=${text:0:2}
              if [[ $byte =~ ^[0-9A-Fa-f]{2}$ ]]; then
                printf -v byte %b "\\x$byte"
                decoded+=$byte
                text=${text:2}
              else
                decoded+=%
              fi
            done
            decoded+=$text
          }
          url=$CIGEN_REDIS_URL
          redis=(redis-cli --no-auth-warning)
          rest=${url#*://}
          authority=${rest%%/*}
          if [[ $url == *://* && $authority == *@* ]]; then
            userinfo=${authority%@*}
            url=${url%%://*}://${rest#"$userinfo"@}
            user=''
            password=$userinfo
            if [[ $userinfo == *:* ]]; then
              user=${userinfo%%:*}
              password=${userinfo#*:}
            fi
            if [[ -n $user ]]; then
              cigen_url_decode "$user"
              redis+=(--user "$decoded")
            fi
            if [[ -n $password ]]; then
              cigen_url_decode "$password"
              export REDISCLI_AUTH=$decoded
            fi
          fi
          redis+=(-u "$url")
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
