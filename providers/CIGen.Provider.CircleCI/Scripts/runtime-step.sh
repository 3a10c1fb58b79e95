# What a use of the command does with cigen's runtime (the function above): runs CIGEN_OPERATION with the records in
# CIGEN_SPEC and keeps each `name=value` line it prints as a file of that name, which later steps read — cache keys
# checksum /tmp/cigen/key-values/NAME (CircleCI keys cannot read a value, only hash a file), the skip steps read
# /tmp/cigen/skip/NAME. The marker backend's settings come as NAME=VALUE lines in CIGEN_BACKEND_ENV, where a VALUE
# written ${OTHER} is read from the variable OTHER (a project or context variable): no secret is in the config.
if [[ $CIGEN_OPERATION == keys ]]; then
  dir=/tmp/cigen/key-values
else
  dir=/tmp/cigen/skip
fi
# The first use in a job starts from nothing: a machine runner keeps /tmp from earlier jobs.
if [[ $CIGEN_OPERATION == keys || $CIGEN_OPERATION == hash ]]; then rm -rf "$dir"; fi
mkdir -p "$dir"
if [[ $CIGEN_OPERATION != keys ]]; then
  while IFS= read -r line; do
    name=${line%%=*}
    if [[ $line != *=* || ! $name =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]]; then continue; fi
    value=${line#*=}
    if [[ $value =~ ^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$ ]]; then value=${!BASH_REMATCH[1]-}; fi
    export "$name=$value"
  done < <(printf '%s\n' "${CIGEN_BACKEND_ENV-}")
  # lookup and record work on the marker whose name the hash step kept in the file CIGEN_MARKER.
  if [[ -n ${CIGEN_MARKER-} ]]; then
    CIGEN_MARKER_KEY=$(cat "$dir/$CIGEN_MARKER")
    export CIGEN_MARKER_KEY
  fi
fi
cigen_runtime "$CIGEN_OPERATION" >"$dir/.printed"
while IFS='=' read -r name value; do
  # Names are the job's own (letters, digits, '_' and '-'): no line can write outside the directory.
  if [[ $name =~ ^[A-Za-z0-9_-]+$ ]]; then printf '%s\n' "$value" >"$dir/$name"; fi
  printf '%s=%s\n' "$name" "$value"
done <"$dir/.printed"
rm -f "$dir/.printed"
