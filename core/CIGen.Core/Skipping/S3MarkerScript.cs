namespace CIGen.Core.Skipping;

/// <summary>The S3 parts of <see cref="MarkerScripts"/>: the <c>aws s3api</c> calls, for awscli v1 and v2 alike.</summary>
internal static class S3MarkerScript
{
    // Retries: v2's defaults (standard mode, 3 attempts) for v1 too, whose legacy mode spends ~9 s on a refused
    // connection; a caller's own AWS_RETRY_MODE/AWS_MAX_ATTEMPTS win.
    // Path-style addressing for an endpoint: both CLIs already use it for a custom --endpoint-url (measured with 1.45
    // and 2.9), but an AWS config file can switch it to virtual hosts, so without a config of the user's own we pin
    // it with a temporary one. A user's own config (or profile) is kept: replacing it would lose their settings.
    internal const string Setup = """
          if [[ -z ${CIGEN_S3_BUCKET-} ]]; then
            cigen_warn 'CIGEN_S3_BUCKET is not set'
            exit 2
          fi
          if ! command -v aws >/dev/null 2>&1; then
            cigen_warn 'the aws CLI is not installed (Debian/Ubuntu: apt-get install awscli)'
            exit 2
          fi
          work=$(mktemp -d) || exit 2
          trap 'rm -rf "$work"' EXIT
          export AWS_PAGER='' AWS_RETRY_MODE="${AWS_RETRY_MODE:-standard}" AWS_MAX_ATTEMPTS="${AWS_MAX_ATTEMPTS:-3}"
          aws=(aws --cli-connect-timeout 10 --cli-read-timeout 30)
          if [[ -n ${CIGEN_S3_REGION-} ]]; then aws+=(--region "$CIGEN_S3_REGION"); fi
          if [[ -n ${CIGEN_S3_ENDPOINT-} ]]; then
            aws+=(--endpoint-url "$CIGEN_S3_ENDPOINT")
            if [[ -z ${AWS_CONFIG_FILE-} && -z ${AWS_PROFILE-} && ! -e ${HOME:-/nonexistent}/.aws/config ]]; then
              printf '[default]\ns3 =\n    addressing_style = path\n' >"$work/config"
              export AWS_CONFIG_FILE="$work/config"
            fi
          fi
          object=${CIGEN_S3_PREFIX-}$key

        """;

    // get-object, not head-object: a HEAD answer has no body, so a missing bucket and a missing key are the same bare
    // 404, and a wrong bucket must not read as "no marker". The error code S3 names is the same text in v1 and v2
    // (their exit codes differ: 255 and 254), so only `(NoSuchKey)` means "not there".
    internal const string Lookup = """
          errors=$("${aws[@]}" s3api get-object --bucket "$CIGEN_S3_BUCKET" --key "$object" "$work/marker" 2>&1 >/dev/null) && exit 0
          if [[ $errors == *'(NoSuchKey)'* ]]; then exit 1; fi
          errors=${errors//$'\n'/ }
          if [[ $errors == *'(AccessDenied)'* || $errors == *'(403)'* ]]; then
            errors+=' (a missing object reads as AccessDenied when the credentials lack s3:ListBucket)'
          fi
          cigen_warn "could not read s3://$CIGEN_S3_BUCKET/$object: ${errors# }"
          exit 2

        """;

    internal const string Record = $$"""
          {{MarkerScripts.MarkerText}}>"$work/marker"
          errors=$("${aws[@]}" s3api put-object --bucket "$CIGEN_S3_BUCKET" --key "$object" --body "$work/marker" --content-type text/plain 2>&1 >/dev/null) && exit 0
          errors=${errors//$'\n'/ }
          cigen_warn "could not write s3://$CIGEN_S3_BUCKET/$object: ${errors# }"
          exit 2

        """;
}
