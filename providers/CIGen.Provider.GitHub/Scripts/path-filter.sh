# The path filter of a pull-request trigger, moved from `on:` into the plan job so that the workflow always starts and
# its gate always reports: decides, as GitHub would have, whether the filter lets this run go on, and writes run=true
# or run=false to $GITHUB_OUTPUT. Only a pull_request or pull_request_target event with a filter is decided; any other
# event runs.
# Per filtered event (PULL_REQUEST, PULL_REQUEST_TARGET): CIGEN_<EVENT>_FILTER is paths or paths-ignore, and
# CIGEN_<EVENT>_PATTERNS its patterns in order, one a line, each an anchored POSIX ERE, after a '!' when negated.
# CIGEN_PR_NUMBER, CIGEN_PR_HEAD: the pull request's number and head commit.
# A changed file is selected when the last pattern matching it is not negated. paths: the run goes on when a changed
# file is selected; paths-ignore: when a changed file is not (no changed file: no run). When the changed
# files cannot be listed, the run goes on (as GitHub runs a workflow whose diff it cannot compute).
set -euo pipefail
export LC_ALL=C
case "${GITHUB_EVENT_NAME-}" in
  pull_request) filter="${CIGEN_PULL_REQUEST_FILTER-}" patterns="${CIGEN_PULL_REQUEST_PATTERNS-}" ;;
  pull_request_target) filter="${CIGEN_PULL_REQUEST_TARGET_FILTER-}" patterns="${CIGEN_PULL_REQUEST_TARGET_PATTERNS-}" ;;
  *) filter="" patterns="" ;;
esac
case "$filter" in
  paths) runs_when_selected=true ;;
  paths-ignore) runs_when_selected=false ;;
  *)
    echo "no path filter applies to this ${GITHUB_EVENT_NAME:-unnamed} event: the jobs run as usual"
    echo "run=true" >> "$GITHUB_OUTPUT"
    exit 0
    ;;
esac

run_anyway() {
  echo "::warning::$1; the $filter filter is not applied and the jobs run as usual"
  echo "run=true" >> "$GITHUB_OUTPUT"
  exit 0
}

# The merge commit GitHub tests a pull request with (refs/pull/N/merge): its first parent is the base, its second the
# pull request's head. A pull_request run checks it out (fetch-depth 2 brings both parents); a pull_request_target run
# checks out the base branch, so the merge commit is fetched.
merge=HEAD
if [ "$GITHUB_EVENT_NAME" = pull_request_target ]; then
  merge=refs/cigen/pull-merge
  git fetch --quiet --no-tags --depth=2 origin "+refs/pull/${CIGEN_PR_NUMBER-}/merge:$merge" \
    || run_anyway "could not fetch the merge commit of pull request #${CIGEN_PR_NUMBER-}"
fi
head="$(git rev-parse --verify --quiet "$merge^2^{commit}" || true)"
if [ -z "$head" ] || [ "$head" != "${CIGEN_PR_HEAD-}" ]; then
  run_anyway "the merge commit does not merge the pull request's head ${CIGEN_PR_HEAD:-(unknown)} (its second parent is ${head:-missing})"
fi
files="$(mktemp)"
trap 'rm -f "$files"' EXIT
git diff --name-only --no-renames -z "$merge^1" "$merge" -- > "$files" \
  || run_anyway "could not list the files the pull request changes"

rules=()
while IFS= read -r rule; do
  if [ -n "$rule" ]; then
    rules+=("$rule")
  fi
done <<< "$patterns"

# Whether the last pattern that matches $1 is not negated.
selected() {
  local i rule
  for ((i = ${#rules[@]} - 1; i >= 0; i--)); do
    rule="${rules[i]}"
    if [[ "$rule" == '!'* ]]; then
      if [[ "$1" =~ ${rule:1} ]]; then
        return 1
      fi
    elif [[ "$1" =~ $rule ]]; then
      return 0
    fi
  done
  return 1
}

# File names come from the pull request: printed with workflow commands stopped, each quoted on one line.
token="cigen-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
echo "::stop-commands::$token"
count=0
runs=false
while IFS= read -r -d '' file; do
  count=$((count + 1))
  if selected "$file"; then verdict=true; else verdict=false; fi
  if [ "$verdict" = "$runs_when_selected" ]; then
    printf '%s lets the run go on: %q\n' "$filter" "$file"
    runs=true
    break
  fi
  printf '%s leaves out: %q\n' "$filter" "$file"
done < "$files"
echo "::$token::"

echo "run=$runs" >> "$GITHUB_OUTPUT"
if [ "$runs" = false ]; then
  echo "::notice::the $filter filter leaves out every file this pull request changes ($count): its jobs are skipped, and the gate passes"
fi
