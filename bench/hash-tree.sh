#!/usr/bin/env bash
# Times `cigen hash` on a generated tree of FILES small files (default 100000) in DIRS directories, and the same digest
# computed by the shell pipeline CI runs (find | grep | sort | xargs sha256sum), checking both give the same JOB_HASH.
# Usage: bench/hash-tree.sh [RUNS] [FILES]    (defaults: 5 runs, 100000 files; JIT Release build)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
files=${2:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet publish core/CIGen.Cli -c Release -o "$work/bin" --nologo -v quiet >/dev/null

tree=$work/tree
per_dir=100
for ((d = 0; d * per_dir < files; d++)); do
  dir=$tree/src/m$((d % 10))/d$d
  mkdir -p "$dir"
  for ((f = 0; f < per_dir && d * per_dir + f < files; f++)); do
    printf 'file %d of directory %d\n' "$f" "$d" >"$dir/f$f.txt"
  done
done
printf 'not an input\n' >"$tree/src/m0/ignored.tmp"
cat >"$tree/cigen.yml" <<'YAML'
jobs:
  build:
    source_files: ['**', '!**/*.tmp']
    steps:
      - run: echo build
YAML

median() {
  sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'
}

time_runs() { # command...: prints each run's milliseconds
  local start end
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    echo $(((end - start) / 1000000))
  done
}

shell_hash() {
  find . -path ./.git -prune -o -type f -printf '%P\0' | LC_ALL=C grep -zvE '\.tmp$' | LC_ALL=C sort -z |
    xargs -0 -r sha256sum -- | sha256sum | cut -d' ' -f1
}

cd "$tree"
cigen_hash=$("$work/bin/cigen" hash --job ci/build) # also warms the disk cache
[ "$cigen_hash" = "$(shell_hash)" ] || { echo "cigen hash and the shell pipeline disagree" >&2; exit 1; }
cigen_ms=$(time_runs "$work/bin/cigen" hash --job ci/build | median)
shell_ms=$(time_runs shell_hash | median)
echo "cigen hash, $files files ($runs runs, $(nproc) cores): median ${cigen_ms} ms; shell pipeline: median ${shell_ms} ms"
