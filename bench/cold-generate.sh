#!/usr/bin/env bash
# Times cold `cigen generate` runs of a shipped example: every run starts the cigen process and its provider process
# from scratch (JIT, no warm cache), which is the cost a user pays on every invocation.
# Usage: bench/cold-generate.sh [--aot] [RUNS] [CONFIG]    (defaults: JIT build, 10 runs, examples/split/.cigen)
#   --aot  publishes cigen and its providers with Native AOT (needs a C toolchain: gcc or clang)
set -euo pipefail
cd "$(dirname "$0")/.."
publish_args=(-c Release)
build=JIT
if [ "${1:-}" = --aot ]; then
  publish_args+=(-r "linux-$(uname -m | sed 's/x86_64/x64/;s/aarch64/arm64/')" -p:PublishAot=true)
  build="Native AOT"
  shift
fi
runs=${1:-10}
config=${2:-examples/split/.cigen}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet publish core/CIGen.Cli "${publish_args[@]}" -o "$work/bin" --nologo -v quiet >/dev/null
"$work/bin/cigen" generate --config "$config" --output "$work/out" >/dev/null # warm the disk cache once

times=()
for _ in $(seq "$runs"); do
  rm -rf "$work/out"
  start=$(date +%s%N)
  "$work/bin/cigen" generate --config "$config" --output "$work/out" >/dev/null
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done

sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(printf '%s\n' "$sorted" | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}')
min=$(printf '%s\n' "$sorted" | head -n1)
max=$(printf '%s\n' "$sorted" | tail -n1)
echo "cold cigen generate, $build ($config, $runs runs): median ${median} ms, min ${min} ms, max ${max} ms"
