# The plan job's decisions on the legs of one matrix job, as one JSON object the legs look themselves up in with
# fromJSON: output `legs` is {"<leg key>":{"skip":true|false,"marker":"<marker key>"},...}, and output `all` is skip
# when every leg is skipped, else run.
# CIGEN_LEGS: how many legs there are. Leg N (1, 2, ...): CIGEN_LEG_<N>_KEY, the key its matrix values spell;
# CIGEN_LEG_<N>_MARKER, the key its marker was looked up under and is recorded under; CIGEN_LEG_<N>_FOUND, true when
# the marker was found.
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

legs=""
skipped=0
for ((n = 1; n <= CIGEN_LEGS; n++)); do
  key="CIGEN_LEG_${n}_KEY"
  marker="CIGEN_LEG_${n}_MARKER"
  found="CIGEN_LEG_${n}_FOUND"
  skip=false
  if [ "${!found}" = true ]; then
    skip=true
    skipped=$((skipped + 1))
  fi
  legs="${legs:+$legs,}$(json_string "${!key}"):{\"skip\":$skip,\"marker\":$(json_string "${!marker}")}"
done

echo "legs={$legs}" >> "$GITHUB_OUTPUT"
if [ "$skipped" -eq "$CIGEN_LEGS" ]; then
  echo "all=skip" >> "$GITHUB_OUTPUT"
else
  echo "all=run" >> "$GITHUB_OUTPUT"
fi
