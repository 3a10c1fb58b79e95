# Under early_exit, finds the running matrix leg's marker prefix and writes prefix=<it> to $GITHUB_OUTPUT.
# CIGEN_LEG: the key the running leg's matrix values spell. CIGEN_LEGS: how many legs there are. Leg N (1, 2, ...):
# CIGEN_LEG_<N>_KEY, its key; CIGEN_LEG_<N>_PREFIX, its marker prefix.
set -euo pipefail

for ((n = 1; n <= CIGEN_LEGS; n++)); do
  key="CIGEN_LEG_${n}_KEY"
  prefix="CIGEN_LEG_${n}_PREFIX"
  if [ "${!key}" = "$CIGEN_LEG" ]; then
    echo "prefix=${!prefix}" >> "$GITHUB_OUTPUT"
    exit 0
  fi
done

echo "::error::no leg of this job is named '$CIGEN_LEG', so its skip marker is unknown"
exit 1
