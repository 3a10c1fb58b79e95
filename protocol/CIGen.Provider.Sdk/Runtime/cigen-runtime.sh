#!/usr/bin/env bash
# cigen runtime 1: job hashes, cache-key values and skip markers for a generated CI configuration, written once per
# output; docs/protocol.md, "Runtime", documents its operations, their records and what they print.
# shellcheck disable=SC2034 # a generated copy may leave out the part that reads a variable

# Usage: cigen-runtime.sh OPERATION, with the operation's records in CIGEN_SPEC: one per line, its words quoted as
# bash words (a word without spaces or special characters needs no quotes). Prints `name=value` lines on stdout and
# nothing else there; with CIGEN_JSON=1 also a last line `json={...}` holding the same names and values. Warnings go
# to stderr, as GitHub annotations when CIGEN_ANNOTATE=github.
# Needs bash 3.2+; job hashes and file digests need GNU find, grep, sort, xargs and sha256sum.
# A `# runtime-part: NAME` line starts a part a generated output leaves out when it never calls it, up to the next such
# line (CigenRuntime.ScriptFor keeps a part whose every NAME, joined by '+', it needs). Generated copies keep the opening
# comment above and shellcheck directives, no other comment.
set -euo pipefail
shopt -s inherit_errexit 2>/dev/null || true

# The JSON line's members so far, and the run's scratch directory.
cigen_json='' cigen_work=''

# name value: prints name=value and remembers both for the JSON line.
cigen_emit() {
  printf '%s=%s\n' "$1" "$2"
  cigen_json+="${cigen_json:+,}$(cigen_json_string "$1"):$(cigen_json_string "$2")"
}

# text: text as a JSON string.
cigen_json_string() {
  local text=${1//\\/\\\\}
  text=${text//\"/\\\"}
  text=${text//$'\t'/\\t}
  text=${text//$'\r'/\\r}
  printf '"%s"' "${text//$'\n'/\\n}"
}

# Makes the run's scratch directory, unless cigen_main did (then every command substitution shares it).
cigen_scratch() {
  if [[ -z $cigen_work ]]; then cigen_work=$(mktemp -d); fi
}

# level text: a warning or an error for whoever reads the log, as a GitHub annotation with CIGEN_ANNOTATE=github.
cigen_say() {
  local prefix="cigen: $1: "
  if [[ ${CIGEN_ANNOTATE-} == github ]]; then prefix="::$1::"; fi
  printf '%s%s\n' "$prefix" "$2" >&2
}

# text: a warning; cigen_fail: an error, which fails the step.
cigen_warn() { cigen_say warning "$1"; }
cigen_fail() { cigen_say error "$1"; exit 1; }

# handler: calls `handler WORD...` for each record of CIGEN_SPEC, then `handler end`.
cigen_each_record() {
  local line words=()
  while IFS= read -r line || [[ -n $line ]]; do
    if [[ -z ${line//[[:space:]]/} ]]; then continue; fi
    # The records are written by cigen with one quoting rule (single quotes around any word that needs them), so
    # eval only splits them into words.
    eval "words=($line)"
    "$1" "${words[@]}"
  done < <(printf '%s\n' "${CIGEN_SPEC-}")
  "$1" end
}

# runtime-part: digest
# ---------------------------------------------------------------------------------------------------------------------
# Files and digests

# include-ERE exclude-ERE [file...]: SHA-256 of `sha256sum` over the listed files whose path matches include-ERE and
# not exclude-ERE, and the files given (when they exist, whatever the EREs say), in byte order: the digest the job hash
# is defined by (docs/config.md, "Job hash"). The files under the working directory (never .git/) are listed once per
# run, into the run's scratch directory, since every caller runs in a command substitution, whose variables die with it.
cigen_digest() {
  local tree file sum
  cigen_scratch
  tree=$cigen_work/tree
  if [[ ! -e $tree ]]; then find . -path ./.git -prune -o -type f -printf '%P\0' >"$tree"; fi
  sum=$(
    {
      { LC_ALL=C grep -zE -e "$1" "$tree" || [[ $? == 1 ]]; } | { LC_ALL=C grep -zvE -e "$2" || [[ $? == 1 ]]; }
      for file in "${@:3}"; do
        if [[ -f $file ]]; then printf '%s\0' "$file"; fi
      done
    } | LC_ALL=C sort -zu | xargs -0 -r sha256sum -- | sha256sum
  )
  printf '%s\n' "${sum%% *}"
}

# ERE...: one anchored ERE matching any of them; with none, ^()$, which matches no path.
cigen_any_of() {
  local IFS='|'
  printf '^(%s)$\n' "$*"
}

# runtime-part: hash
# ---------------------------------------------------------------------------------------------------------------------
# hash: job hashes and marker names. Records, per job:
#   job NAME              starts the job; prints NAME_hash (64 hex digits) and NAME_lookup (true, or false when the
#                         marker must not be looked up on this run)
#   require PATH          a file the job's definition is read from: must exist, always hashed
#   include ERE           one source_files glob, as an unanchored ERE; exclude ERE: one excluded glob
#   ref kind|name         the marker names the kind of ref (and its name); prints NAME_ref_kind      (part hash-ref)
#   no_tags               never skipped on a tag run: NAME_lookup=false there                        (part hash-ref)
#   marker OUTPUT PREFIX  prints OUTPUT=PREFIX[REF_KIND/]JOB_HASH, a marker's name, and with CIGEN_BACKEND (s3, redis
#                         or github) OUTPUT_found: whether that marker exists (false without asking when NAME_lookup is)
#   leg LEG VALUES [PREFIX]  (part hash-legs) matrix leg LEG, whose matrix values are VALUES, a JSON object: its
#                         marker is PREFIX[REF_KIND/]JOB_HASH (looked up like a marker's, printed only in NAME_legs), or
#                         without PREFIX the marker before it; after the job's last record prints NAME_legs={"LEG":"MARKER",...},
#                         NAME_skipped=[VALUES of each leg whose marker was found], NAME_running={"include":[VALUES of
#                         every other leg]} and NAME=skip when every leg is skipped, else NAME=run
# and, so that inputs several jobs share are written once (part hash-sets):
#   inputs SET            starts a set of require, include and exclude records, up to the next job or inputs record
#   uses SET              the job takes the records of SET as if they were written in its place
# A record of a part the copy left out fails as an unknown record.

# The current job's records; its hash, REF_KIND and NAME_lookup once hashed; its last marker and whether it was found.
cigen_hash_job='' cigen_hash_set='' cigen_hash_done='' cigen_hash_ref='' cigen_hash_no_tags='' cigen_hash_require=() cigen_hash_include=()
cigen_hash_exclude=() cigen_hash_value='' cigen_hash_kind='' cigen_hash_lookup='' cigen_hash_marker='' cigen_hash_found=''

# Hashes the current job once: at its first marker, or at the next job or the end.
cigen_hash_flush() {
  [[ -n $cigen_hash_job && -z $cigen_hash_done ]] || return 0
  cigen_hash_done=1
  local file
  for file in ${cigen_hash_require[@]+"${cigen_hash_require[@]}"}; do
    [[ -f $file ]] || cigen_fail "$file is missing in $PWD; the job hash runs at the project root of a checkout, where every file of the job definition is"
  done
  cigen_hash_value=$(cigen_digest "$(cigen_any_of ${cigen_hash_include[@]+"${cigen_hash_include[@]}"})" \
    "$(cigen_any_of ${cigen_hash_exclude[@]+"${cigen_hash_exclude[@]}"})" ${cigen_hash_require[@]+"${cigen_hash_require[@]}"})
  if ! [[ $cigen_hash_value =~ ^[0-9a-f]{64}$ ]]; then
    cigen_fail "the hash of job $cigen_hash_job is '$cigen_hash_value', not 64 lowercase hex digits"
  fi
  cigen_emit "${cigen_hash_job}_hash" "$cigen_hash_value"
  cigen_hash_lookup=true
# runtime-part: hash-ref
  case $cigen_hash_ref in
    kind) cigen_hash_kind=$(cigen_ref_kind) ;;
    name) cigen_hash_kind=$(cigen_ref_kind_named) ;;
  esac
  if [[ -n $cigen_hash_ref ]]; then cigen_emit "${cigen_hash_job}_ref_kind" "$cigen_hash_kind"; fi
  if [[ -n $cigen_hash_no_tags && $(cigen_ref_kind) == tag ]]; then cigen_hash_lookup=false; fi
# runtime-part: hash
  cigen_emit "${cigen_hash_job}_lookup" "$cigen_hash_lookup"
}

# runtime-part: hash-ref
# The kind of ref a run is for (REF_KIND): tag, pull_request or branch, read from the platform's own variables.
cigen_ref_kind() {
  local kind=branch
  if [[ ${GITHUB_EVENT_NAME-} == pull_request || ${GITHUB_EVENT_NAME-} == pull_request_target ]]; then kind=pull_request; fi
  if [[ -n ${CIRCLE_TAG-} || ${GITHUB_REF_TYPE-} == tag || ${GITHUB_REF-} == refs/tags/* ]]; then kind=tag; fi
  echo "$kind"
}

# For a job whose conditions read the ref's name: the kind, '-' and the first 16 hex digits of the SHA-256 of the
# name the conditions compare (a pull request's head branch, else the branch or tag).
cigen_ref_kind_named() {
  local name=${CIRCLE_TAG:-${GITHUB_HEAD_REF:-${CIRCLE_BRANCH:-${GITHUB_REF_NAME-}}}} digest
  digest=$(printf '%s' "$name" | sha256sum)
  printf '%s-%s\n' "$(cigen_ref_kind)" "${digest:0:16}"
}

# runtime-part: hash-legs
# The current job's legs: their markers, the values of those skipped and of those running.
cigen_hash_legs='' cigen_hash_skipped='' cigen_hash_running=''

# Prints the job's decisions on its legs, when it has any: skip when no leg runs.
cigen_hash_legs_flush() {
  [[ -n $cigen_hash_legs ]] || return 0
  cigen_emit "${cigen_hash_job}_legs" "{$cigen_hash_legs}"
  cigen_emit "${cigen_hash_job}_skipped" "[$cigen_hash_skipped]"
  cigen_emit "${cigen_hash_job}_running" "{\"include\":[$cigen_hash_running]}"
  if [[ -n $cigen_hash_running ]]; then cigen_emit "$cigen_hash_job" run; else cigen_emit "$cigen_hash_job" skip; fi
  cigen_hash_legs='' cigen_hash_skipped='' cigen_hash_running=''
}

# runtime-part: hash-sets
# The sets of inputs (bash 3.2 has no maps): three items per record, the set's name, the record's kind and its value;
# and the set whose records come now, if any (cigen_hash_set, reset by each job).
cigen_hash_sets=()

# runtime-part: hash
# The marker PREFIX[REF_KIND/]JOB_HASH of the current job, printed as OUTPUT (when given) with OUTPUT_found. A marker
# follows its job's other records, so the job is hashed when its first marker comes.
cigen_hash_mark() {
  cigen_hash_flush
  cigen_hash_marker="$1${cigen_hash_kind:+$cigen_hash_kind/}$cigen_hash_value"
  cigen_hash_found=false
  if [[ -n ${2-} ]]; then cigen_emit "$2" "$cigen_hash_marker"; fi
# runtime-part: hash+markers
  if [[ -n ${CIGEN_BACKEND-} ]]; then
    if [[ $cigen_hash_lookup == true ]]; then cigen_hash_found=$(cigen_found "$cigen_hash_marker"); fi
    if [[ -n ${2-} ]]; then cigen_emit "$2_found" "$cigen_hash_found"; fi
  fi
# runtime-part: hash
}

cigen_hash_record() {
# runtime-part: hash-sets
  if [[ -n $cigen_hash_set && $1 =~ ^(require|include|exclude)$ ]]; then
    cigen_hash_sets+=("$cigen_hash_set" "$1" "$2")
    return
  fi
# runtime-part: hash
  case $1 in
    job | end)
      cigen_hash_flush
# runtime-part: hash-legs
      cigen_hash_legs_flush
# runtime-part: hash
      cigen_hash_job=${2-} cigen_hash_set='' cigen_hash_done='' cigen_hash_ref='' cigen_hash_no_tags='' cigen_hash_require=()
      cigen_hash_include=() cigen_hash_exclude=() cigen_hash_value='' cigen_hash_kind='' cigen_hash_marker=''
      ;;
    require) cigen_hash_require+=("$2") ;;
    include) cigen_hash_include+=("$2") ;;
    exclude) cigen_hash_exclude+=("$2") ;;
    marker) cigen_hash_mark "$3" "$2" ;;
# runtime-part: hash-ref
    ref) cigen_hash_ref=$2 ;;
    no_tags) cigen_hash_no_tags=1 ;;
# runtime-part: hash-legs
    leg)
      if [[ -n ${4-} ]]; then cigen_hash_mark "$4"; fi
      if [[ -z $cigen_hash_marker ]]; then cigen_fail "hash: leg '$2' of job $cigen_hash_job follows no marker"; fi
      if [[ $3 != '{'*'}' ]]; then cigen_fail "hash: the values of leg '$2' of job $cigen_hash_job are '$3', not a JSON object"; fi
      cigen_hash_legs+="${cigen_hash_legs:+,}$(cigen_json_string "$2"):$(cigen_json_string "$cigen_hash_marker")"
      if [[ $cigen_hash_found == true ]]; then
        cigen_hash_skipped+="${cigen_hash_skipped:+,}$3"
      else
        cigen_hash_running+="${cigen_hash_running:+,}$3"
      fi
      ;;
# runtime-part: hash-sets
    inputs)
      cigen_hash_flush
      cigen_hash_job='' cigen_hash_set=$2
      ;;
    uses)
      local i used=''
      for ((i = 0; i < ${#cigen_hash_sets[@]}; i += 3)); do
        if [[ ${cigen_hash_sets[i]} == "$2" ]]; then
          cigen_hash_record "${cigen_hash_sets[@]:i+1:2}"
          used=1
        fi
      done
      if [[ -z $used ]]; then cigen_fail "hash: job $cigen_hash_job uses the set of inputs '$2', which no inputs record starts"; fi
      ;;
# runtime-part: hash
    *) cigen_fail "hash: unknown record '$1'" ;;
  esac
}

# runtime-part: keys
# ---------------------------------------------------------------------------------------------------------------------
# keys: values for cache keys. Always prints os, os_version and arch first, then per record:
#   tool NAME             (part keys-probes) a tool's version, from the probes after it, tried in order (none found:
#                         unknown, warned)
#     file PATH [ERE]     (part keys-files) the first non-empty line not starting with '#', or the first line matching ERE (its group 1
#                         if any), as a version number
#     command TEXT        TEXT's output as a version number, when it exits 0
#   digest NAME           (part keys-digest) the digest of the files the include/exclude records after it select
#                         (skipped with CIGEN_KEY_DIGESTS=skip, for platforms that hash files themselves)
#   join NAME [PART...]   the parts after NAME and the text and value records after it, concatenated (a key's fixed
#                         prefix); a PART is text=TEXT, value=NAME or env=VARIABLE, as the records:
#     text TEXT / value NAME / env VARIABLE
# Tool versions and digests are printed with characters outside [A-Za-z0-9._-] replaced by '_'; a join as it is.

cigen_op_keys() {
  local version=''
  case "$(uname -s)" in
    Linux) cigen_key_value os linux ;;
    Darwin) cigen_key_value os macos ;;
    MINGW* | MSYS* | CYGWIN* | Windows_NT) cigen_key_value os windows ;;
    *) cigen_key_value os "$(uname -s)" ;;
  esac
  # os-release is shell assignments by its specification; read in a subshell, it sets nothing here.
  if [[ -r /etc/os-release ]]; then
    # shellcheck source=/dev/null
    version=$(. /etc/os-release && printf '%s%s' "${ID-}" "${VERSION_ID-}") || true
  elif command -v sw_vers >/dev/null 2>&1; then
    version=macos$(sw_vers -productVersion) || true
  fi
  cigen_key_value os_version "$version"
  case "$(uname -m)" in
    x86_64 | amd64) cigen_key_value arch x64 ;;
    aarch64 | arm64) cigen_key_value arch arm64 ;;
    *) cigen_key_value arch "$(uname -m)" ;;
  esac
  cigen_each_record cigen_keys_record
}

# name value: emits the value sanitised (nothing found: "unknown", warned) and keeps it for `join`.
cigen_key_value() {
  local LC_ALL=C value=${2:-unknown}
  if [[ -z $2 ]]; then cigen_warn "could not determine $1; using \"unknown\" in cache keys"; fi
  value=${value//[^A-Za-z0-9._-]/_}
  printf -v "cigen_value_$1" '%s' "$value"
  cigen_emit "$1" "$value"
}

# The current value's kind and name, the version its probes found, its text (join) and its EREs (digest).
cigen_keys_kind='' cigen_keys_name='' cigen_keys_found='' cigen_keys_text='' cigen_keys_include=() cigen_keys_exclude=()

cigen_keys_flush() {
  case $cigen_keys_kind in
    # The joined values are sanitised already and the text is cigen's own: kept as it is, so a key reads as written.
    join)
      printf -v "cigen_value_$cigen_keys_name" '%s' "$cigen_keys_text"
      cigen_emit "$cigen_keys_name" "$cigen_keys_text"
      ;;
# runtime-part: keys-probes
    tool) cigen_key_value "$cigen_keys_name" "$cigen_keys_found" ;;
# runtime-part: keys-digest
    digest)
      if [[ ${CIGEN_KEY_DIGESTS-} != skip ]]; then
        cigen_key_value "$cigen_keys_name" "$(cigen_digest "$(cigen_any_of ${cigen_keys_include[@]+"${cigen_keys_include[@]}"})" \
          "$(cigen_any_of ${cigen_keys_exclude[@]+"${cigen_keys_exclude[@]}"})")"
      fi
      ;;
# runtime-part: keys
  esac
}

cigen_keys_record() {
  case $1 in
    tool | digest | join | end)
      cigen_keys_flush
      cigen_keys_kind=$1 cigen_keys_name=${2-} cigen_keys_found='' cigen_keys_text='' cigen_keys_include=() cigen_keys_exclude=()
      local part
      for part in "${@:3}"; do
        if [[ $1 != join || ! $part =~ ^(text|value|env)= ]]; then cigen_fail "keys: '$part' is not a part of a join"; fi
        cigen_keys_record "${part%%=*}" "${part#*=}"
      done
      ;;
    text) cigen_keys_text+=$2 ;;
    value)
      local variable="cigen_value_$2"
      cigen_keys_text+=${!variable-unknown}
      ;;
    env)
      if [[ ! $2 =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]]; then cigen_fail "keys: '$2' is not a variable name"; fi
      cigen_keys_text+=${!2-}
      ;;
# runtime-part: keys-files
    file) if [[ -z $cigen_keys_found ]]; then cigen_keys_found=$(cigen_file "${@:2}") || true; fi ;;
# runtime-part: keys-probes
    command) if [[ -z $cigen_keys_found ]]; then cigen_keys_found=$(cigen_command "$2") || true; fi ;;
# runtime-part: keys-digest
    include) cigen_keys_include+=("$2") ;;
    exclude) cigen_keys_exclude+=("$2") ;;
# runtime-part: keys
    *) cigen_fail "keys: unknown record '$1'" ;;
  esac
}

# runtime-part: keys-probes
# text: the first version number in it, or fails.
cigen_number() {
  [[ $1 =~ [0-9]+(\.[0-9]+)* ]] && printf '%s\n' "${BASH_REMATCH[0]}"
}

# runtime-part: keys-files
# file [ERE]: see `file` above.
cigen_file() {
  local line
  [[ -f $1 ]] || return 1
  while IFS= read -r line || [[ -n $line ]]; do
    line=${line%$'\r'}
    if [[ $# -gt 1 && $line =~ $2 ]]; then
      cigen_number "${BASH_REMATCH[1]-${BASH_REMATCH[0]}}"
      return
    elif [[ $# -eq 1 && $line =~ [^[:space:]] && $line != '#'* ]]; then
      cigen_number "$line"
      return
    fi
  done <"$1"
  return 1
}

# runtime-part: keys-probes
# text: runs the user's version command; its version number when it exits 0.
cigen_command() {
  local output
  output=$(eval "$1" </dev/null 2>&1) && cigen_number "$output"
}

# runtime-part: markers
# ---------------------------------------------------------------------------------------------------------------------
# Skip markers in S3, Redis or GitHub's cache (CIGEN_BACKEND=s3|redis|github; unset for a platform's own cache that
# the platform's steps read). A lookup exits 0 when the marker exists, 1 when it does not and 2 when the backend could
# not tell; only 0 skips. Each runs in a subshell, so its settings stay inside.
#   S3: CIGEN_S3_BUCKET, CIGEN_S3_REGION, CIGEN_S3_ENDPOINT (optional; path-style addressing), CIGEN_S3_PREFIX
#       (optional, put before the key), credentials as the aws CLI reads them.
#   Redis: CIGEN_REDIS_URL (redis://[user:pass@]host:port[/db]), CIGEN_REDIS_TTL (seconds; default 30 days).
#   GitHub: see the part github below.

# The marker's content: a few lines naming the key and the time, for whoever looks at it.
cigen_marker_text() {
  printf 'cigen skip marker\nkey=%s\nrecorded_at=%s\n' "$1" "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
}

# text: why the marker operation (cigen_marker_operation) could not be done, and what that means for the job.
cigen_marker_warn() {
  if [[ ${cigen_marker_operation-} == record ]]; then
    cigen_warn "skip marker $key not recorded: $1; the next run with these inputs runs again"
  else
    cigen_warn "skip marker $key: $1; the job runs"
  fi
}

# operation key: exit 0, 1 or 2 as above.
cigen_marker() {
  local cigen_marker_operation=$1 key=$2
  if [[ -z $key ]]; then
    cigen_marker_warn 'no marker key given'
    return 2
  elif [[ ! ${CIGEN_BACKEND-} =~ ^(s3|redis|github)$ ]]; then
    cigen_marker_warn "CIGEN_BACKEND is '${CIGEN_BACKEND-}', not s3, redis or github"
    return 2
  fi
# runtime-part: clients
  if [[ -z $cigen_backend_ready && $CIGEN_BACKEND != github ]]; then
    cigen_install_client
    cigen_backend_ready=1
  fi
# runtime-part: markers
  "cigen_${CIGEN_BACKEND}_$1"
}

# key: true when the marker exists, else false (warned when the backend could not tell: never a false skip).
cigen_found() {
  if cigen_marker lookup "$1"; then echo true; else echo false; fi
}

# lookup: prints found=true when the marker CIGEN_MARKER_KEY exists, else found=false.
cigen_op_lookup() { cigen_emit found "$(cigen_found "${CIGEN_MARKER_KEY-}")"; }

# record: writes the marker CIGEN_MARKER_KEY after the job succeeded. A marker that cannot be written never fails the
# job (warned by the record): it only costs a rerun next time.
cigen_op_record() { cigen_marker record "${CIGEN_MARKER_KEY-}" || true; }

# runtime-part: clients
# The clients S3 and Redis are asked with, installed when missing.
cigen_backend_ready=''


cigen_as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else return 1; fi
}

# package: installs a Debian package quietly; fails when it cannot.
cigen_apt_install() {
  { cigen_as_root apt-get update -qq &&
    cigen_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$1"; } >/dev/null 2>&1
}

# Installs the backend's client when the machine lacks it, as GitHub's hosted images (no redis-cli) and most images
# do; only warns when it cannot, and the lookup then fails to "run".
cigen_install_client() {
  case $CIGEN_BACKEND in
    redis)
      if ! command -v redis-cli >/dev/null 2>&1; then
        echo "cigen: installing redis-cli (redis-tools) for the skip marker" >&2
        cigen_apt_install redis-tools ||
          cigen_warn "could not install redis-cli (redis-tools); the skip marker cannot be read or written"
      fi
      ;;
    s3)
      export PATH="$HOME/.local/bin:$PATH"
      if ! command -v aws >/dev/null 2>&1; then
        echo "cigen: installing the AWS CLI (awscli) for the skip marker" >&2
        cigen_apt_install awscli ||
          python3 -m pip install --quiet --user awscli >/dev/null 2>&1 ||
          python3 -m pip install --quiet --user --break-system-packages awscli >/dev/null 2>&1 ||
          cigen_warn "could not install the AWS CLI (awscli); the skip marker cannot be read or written"
      fi
      ;;
  esac
}

# runtime-part: s3
# Sets up `aws` (an array) and `object` for key $key; exits 2 when S3 cannot be asked.
cigen_s3_setup() {
  if [[ -z ${CIGEN_S3_BUCKET-} ]]; then
    cigen_marker_warn 'CIGEN_S3_BUCKET is not set'
    exit 2
  fi
  if ! command -v aws >/dev/null 2>&1; then
    cigen_marker_warn 'the aws CLI is not installed (Debian/Ubuntu: apt-get install awscli)'
    exit 2
  fi
  work=$(mktemp -d) || exit 2
  trap 'rm -rf "$work"' EXIT
  # Retries: v2's defaults (standard mode, 3 attempts) for v1 too, whose legacy mode spends ~9 s on a refused
  # connection; a caller's own AWS_RETRY_MODE/AWS_MAX_ATTEMPTS win.
  export AWS_PAGER='' AWS_RETRY_MODE="${AWS_RETRY_MODE:-standard}" AWS_MAX_ATTEMPTS="${AWS_MAX_ATTEMPTS:-3}"
  aws=(aws --cli-connect-timeout 10 --cli-read-timeout 30)
  if [[ -n ${CIGEN_S3_REGION-} ]]; then aws+=(--region "$CIGEN_S3_REGION"); fi
  if [[ -n ${CIGEN_S3_ENDPOINT-} ]]; then
    aws+=(--endpoint-url "$CIGEN_S3_ENDPOINT")
    # Both CLIs use path-style addressing for a custom endpoint, but an AWS config file can switch it to virtual
    # hosts: without a config of the user's own, pin it with a temporary one (a user's own config is kept).
    if [[ -z ${AWS_CONFIG_FILE-} && -z ${AWS_PROFILE-} && ! -e ${HOME:-/nonexistent}/.aws/config ]]; then
      printf '[default]\ns3 =\n    addressing_style = path\n' >"$work/config"
      export AWS_CONFIG_FILE="$work/config"
    fi
  fi
  object=${CIGEN_S3_PREFIX-}$key
}

# get-object, not head-object: a HEAD answer has no body, so a missing bucket and a missing key are the same bare 404,
# and a wrong bucket must not read as "no marker". Only `(NoSuchKey)` (the same text in awscli v1 and v2) means absent.
cigen_s3_lookup() (
  cigen_s3_setup
  errors=$("${aws[@]}" s3api get-object --bucket "$CIGEN_S3_BUCKET" --key "$object" "$work/marker" 2>&1 >/dev/null) && exit 0
  if [[ $errors == *'(NoSuchKey)'* ]]; then exit 1; fi
  errors=${errors//$'\n'/ }
  if [[ $errors == *'(AccessDenied)'* || $errors == *'(403)'* ]]; then
    errors+=' (a missing object reads as AccessDenied when the credentials lack s3:ListBucket)'
  fi
  cigen_marker_warn "could not read s3://$CIGEN_S3_BUCKET/$object: ${errors# }"
  exit 2
)

cigen_s3_record() (
  cigen_s3_setup
  cigen_marker_text "$key" >"$work/marker"
  errors=$("${aws[@]}" s3api put-object --bucket "$CIGEN_S3_BUCKET" --key "$object" --body "$work/marker" --content-type text/plain 2>&1 >/dev/null) && exit 0
  errors=${errors//$'\n'/ }
  cigen_marker_warn "could not write s3://$CIGEN_S3_BUCKET/$object: ${errors# }"
  exit 2
)

# runtime-part: redis
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

# Sets up `redis` (an array); exits 2 when Redis cannot be asked. A password in the URL would show in the process list
# as an argument of -u: it goes through REDISCLI_AUTH instead, the user through --user. As redis-cli reads the user
# part: `user:password@`, `:password@` (default user) and a lone `password@`; %XX decoded.
cigen_redis_setup() {
  if [[ -z ${CIGEN_REDIS_URL-} ]]; then
    cigen_marker_warn 'CIGEN_REDIS_URL is not set'
    exit 2
  fi
  if ! command -v redis-cli >/dev/null 2>&1; then
    cigen_marker_warn 'redis-cli is not installed (Debian/Ubuntu: apt-get install redis-tools; macOS: brew install redis)'
    exit 2
  fi
  local url=$CIGEN_REDIS_URL rest authority userinfo user password
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
}

# redis-cli's exit status does not tell a refused connection from an answer everywhere, so the reply text decides.
cigen_redis_lookup() (
  cigen_redis_setup
  reply=$("${redis[@]}" EXISTS "$key" 2>&1) || true
  case $reply in
    1) exit 0 ;;
    0) exit 1 ;;
  esac
  cigen_marker_warn "Redis did not answer EXISTS: ${reply:-no reply}"
  exit 2
)

cigen_redis_record() (
  cigen_redis_setup
  ttl=${CIGEN_REDIS_TTL:-2592000}
  if [[ ! $ttl =~ ^[1-9][0-9]*$ ]]; then
    cigen_marker_warn "CIGEN_REDIS_TTL is '$ttl', not a number of seconds"
    exit 2
  fi
  reply=$("${redis[@]}" SET "$key" "$(cigen_marker_text "$key")" EX "$ttl" 2>&1) || true
  if [[ $reply == OK ]]; then exit 0; fi
  cigen_marker_warn "Redis did not store it: ${reply:-no reply}"
  exit 2
)

# runtime-part: github
# GitHub's own cache (CIGEN_BACKEND=github): a marker is an entry of the repository's Actions cache, which only
# actions/cache/save can write: a record writes the file and says which key to save it under. Every entry whose key starts with
# CIGEN_GITHUB_KEY_PREFIX is listed once per run through the REST API (GITHUB_API_URL, GITHUB_REPOSITORY and the token
# in CIGEN_GITHUB_TOKEN, which needs `actions: read`), for the refs whose entries a restore in this run could read:
# this run's (GITHUB_REF), a pull request's base branch (GITHUB_BASE_REF) and the default branch
# (CIGEN_GITHUB_DEFAULT_BRANCH). An entry of another branch or pull request is never a marker here, as for
# actions/cache. Newest first, at most 1,000 entries per ref: an older marker is not found, and its job runs.

# Lists the keys into the scratch file cigen_github_keys, once per run; on failure writes the reason beside it (.failed).
# curl encodes the query's values (--data-urlencode, appended to the URL with -G).
cigen_github_list() {
  cigen_scratch
  cigen_github_keys=$cigen_work/github-keys
  [[ ! -e $cigen_github_keys ]] || return 0
  : >"$cigen_github_keys"
  local problem='' ref page body count api="${GITHUB_API_URL:-https://api.github.com}/repos/${GITHUB_REPOSITORY-}/actions/caches"
  if ! command -v curl >/dev/null 2>&1; then
    problem='curl is not installed'
  elif [[ -z ${CIGEN_GITHUB_TOKEN-} || -z ${GITHUB_REPOSITORY-} || -z ${GITHUB_REF-} ]]; then
    problem='CIGEN_GITHUB_TOKEN, GITHUB_REPOSITORY or GITHUB_REF is not set'
  fi
  for ref in "${GITHUB_REF-}" ${GITHUB_BASE_REF:+"refs/heads/$GITHUB_BASE_REF"} ${CIGEN_GITHUB_DEFAULT_BRANCH:+"refs/heads/$CIGEN_GITHUB_DEFAULT_BRANCH"}; do
    for ((page = 1; page <= 10 && ${#problem} == 0; page++)); do
      if ! body=$(curl --silent --show-error --fail --max-time 30 --retry 2 -H 'Accept: application/vnd.github+json' \
        -H 'X-GitHub-Api-Version: 2022-11-28' -H "Authorization: Bearer $CIGEN_GITHUB_TOKEN" -G --data-urlencode "ref=$ref" \
        --data-urlencode "key=${CIGEN_GITHUB_KEY_PREFIX-}" "$api?per_page=100&page=$page&sort=last_accessed_at&direction=desc" 2>&1); then
        problem="GitHub did not list the cache's entries (${body//$'\n'/ }); the job needs \`permissions: actions: read\`"
      fi
      count=$(printf '%s\n' "$body" | { grep -o '"key": *"[^"]*"' || true; } | sed 's/^"key": *"//; s/"$//' | tee -a "$cigen_github_keys" | wc -l)
      if [[ $count -lt 100 ]]; then break; fi
    done
  done
  if [[ -n $problem ]]; then
    printf '%s\n' "$problem" >"$cigen_github_keys.failed"
    cigen_warn "skip markers cannot be looked up: $problem; every job runs"
  fi
}

# Exits 2 (could not tell) when the listing failed, or grep's own status.
cigen_github_lookup() (
  cigen_github_list
  if [[ -e $cigen_github_keys.failed ]]; then exit 2; fi
  grep -qxF -e "$key" "$cigen_github_keys"
)

# Writes the marker's file and prints cache_marker=KEY: actions/cache/save stores it (the runtime has no way in).
cigen_github_record() {
  if ! cigen_marker_text "$key" >"$HOME/.cigen-skip-marker"; then
    cigen_marker_warn "could not write $HOME/.cigen-skip-marker"
    return 2
  fi
  cigen_emit cache_marker "$key"
}

# runtime-part: always
# ---------------------------------------------------------------------------------------------------------------------

cigen_main() {
  cigen_scratch
  trap 'rm -rf "$cigen_work"' EXIT
  case ${1-} in
# runtime-part: hash
    hash) cigen_each_record cigen_hash_record ;;
# runtime-part: keys
    keys) cigen_op_keys ;;
# runtime-part: markers
    lookup) cigen_op_lookup ;;
    record) cigen_op_record ;;
# runtime-part: always
    *) cigen_fail "unknown operation '${1-}' (hash, keys, lookup or record)" ;;
  esac
  if [[ ${CIGEN_JSON-} == 1 ]]; then printf 'json={%s}\n' "$cigen_json"; fi
}

# With CIGEN_RUNTIME_FUNCTIONS_ONLY=1 (cigen's own tests and `cigen plan`), it only defines the functions.
if [[ ${CIGEN_RUNTIME_FUNCTIONS_ONLY-} != 1 ]]; then cigen_main "$@"; fi
