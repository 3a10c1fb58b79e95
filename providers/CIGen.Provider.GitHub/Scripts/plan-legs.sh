# The plan job's decisions on the legs of its matrix jobs, as one JSON object per job that the legs look themselves
# up in with fromJSON: output `<job>_legs` is {"<leg key>":{"skip":true|false,"marker":"<marker>"},...}, and output
# `<job>` is skip when every leg of the job is skipped, else run.
# CIGEN_LEGS: one line per leg, its job and its key as bash words. Leg N (1, 2, ... in that order): CIGEN_LEG_<N>, the
# name of its marker; CIGEN_LEG_<N>_FOUND, true when the marker was found.
set -euo pipefail

# Prints $1 as a JSON string.
json_string() {
  local text="$1"
  text="${text//\\/\\\\}"
  text="${text//\"/\\\"}"
  text="${text//$'\t'/\\t}"
  text="${text//$'\r'/\\r}"
  text="${text//$'\n'/\\n}"
  printf '"%s"' "$text"
}

declare -a jobs=() words=()
declare -A legs=() count=() skipped=()
n=0
while IFS= read -r line; do
  if [ -z "$line" ]; then continue; fi
  n=$((n + 1))
  # The lines are written by cigen, each word quoted as bash reads it, so eval only splits them.
  eval "words=($line)"
  job="${words[0]}"
  marker="CIGEN_LEG_$n"
  found="CIGEN_LEG_${n}_FOUND"
  if [ -z "${count[$job]+set}" ]; then
    jobs+=("$job")
    count[$job]=0
    skipped[$job]=0
    legs[$job]=""
  fi
  count[$job]=$((count[$job] + 1))
  skip=false
  if [ "${!found}" = true ]; then
    skip=true
    skipped[$job]=$((skipped[$job] + 1))
  fi
  legs[$job]="${legs[$job]:+${legs[$job]},}$(json_string "${words[1]}"):{\"skip\":$skip,\"marker\":$(json_string "${!marker}")}"
done <<< "$CIGEN_LEGS"

for job in "${jobs[@]}"; do
  echo "${job}_legs={${legs[$job]}}" >> "$GITHUB_OUTPUT"
  if [ "${skipped[$job]}" -eq "${count[$job]}" ]; then
    echo "$job=skip" >> "$GITHUB_OUTPUT"
  else
    echo "$job=run" >> "$GITHUB_OUTPUT"
  fi
done
