#!/usr/bin/env bash
# Measures what a maintainer has to review: for each file cigen generates from a config, its non-blank lines, its
# longest line, and the share of non-blank lines that sit in a block of 6 consecutive lines (compared trimmed) that
# occurs again elsewhere in the same file — pasted scripts show up there.
# Usage: bench/output-size.sh [CONFIG...]    (default: every fixture under tests/CIGen.EndToEnd.Tests/Fixtures/real
#        and examples/split/.cigen); needs a built cigen (dotnet build core/CIGen.Cli) or builds it.
set -euo pipefail
cd "$(dirname "$0")/.."
configs=("$@")
if [ "${#configs[@]}" -eq 0 ]; then
  configs=(examples/split/.cigen)
  for fixture in tests/CIGen.EndToEnd.Tests/Fixtures/real/*/; do
    if [ -d "$fixture.cigen" ]; then configs+=("$fixture.cigen"); else configs+=("${fixture}cigen.yml"); fi
  done
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build core/CIGen.Cli --nologo -v quiet -o "$work/bin" >/dev/null

printf '%-58s %8s %8s %9s\n' "file" "lines" "longest" "repeated"
for config in "${configs[@]}"; do
  out="$work/out/$(printf '%s' "$config" | tr '/.' '__')"
  "$work/bin/cigen" generate --config "$config" --output "$out" >/dev/null 2>&1
  while IFS= read -r -d '' file; do
    label=${config#tests/CIGen.EndToEnd.Tests/Fixtures/}
    label=${label%/.cigen}
    label=${label%/cigen.yml}
    awk -v name="$label: ${file#"$out"/}" '
      { line = $0; gsub(/^[ \t]+|[ \t]+$/, "", line); if (length($0) > longest) longest = length($0) }
      line != "" { text[++n] = line }
      END {
        for (i = 1; i + 5 <= n; i++) {
          block = text[i]; for (j = 1; j < 6; j++) block = block "\n" text[i + j]
          count[block]++; start[i] = block
        }
        for (i = 1; i + 5 <= n; i++) if (count[start[i]] > 1) for (j = 0; j < 6; j++) repeated[i + j] = 1
        r = 0; for (i in repeated) r++
        printf "%-58s %8d %8d %8.0f%%\n", name, n, longest, n ? 100 * r / n : 0
      }' "$file"
  done < <(find "$out" -type f -name '*.yml' -print0 | sort -z)
done
