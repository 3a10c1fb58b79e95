#!/usr/bin/env bash
# Measures what a maintainer has to review: for each file cigen generates from a config, its non-blank lines, its
# longest line, and the share of non-blank lines that sit in a block of 6 consecutive lines (compared trimmed) that
# occurs again elsewhere in the same file — pasted scripts show up there.
#
# Then, per config, a summary by kind of file — GitHub workflows (.github/workflows), GitHub composite actions
# (.github/actions/**: the action and the runtime script it runs, counted apart from the workflows), CircleCI
# (.circleci: the config) and CircleCI's runtime (.circleci/*.sh: the script the config's cigen_runtime command runs,
# counted apart from the config as GitHub's is) — against issue 11's targets:
#   GitHub workflows <= 2x the original's non-blank lines, CircleCI <= 2.5x the original's, composite actions and
#   CircleCI's runtime <= 400 lines each, <= 50% of lines repeated, no line longer than 200.
# The original's figure is the number in ORIGINAL_LINES beside the config (the directory holding .cigen/ or
# cigen.yml): the non-blank lines of the hand-written workflow the config ports. Configs without it get no ratio.
#
# Usage: bench/output-size.sh [CONFIG...]    (default: every examples/*/.cigen and every fixture under
#        tests/CIGen.EndToEnd.Tests/Fixtures/real); builds cigen (core/CIGen.Cli) into a temporary directory.
set -euo pipefail
cd "$(dirname "$0")/.."
configs=("$@")
if [ "${#configs[@]}" -eq 0 ]; then
  configs=()
  for example in examples/*/; do
    if [ -d "$example.cigen" ]; then configs+=("$example.cigen"); fi
  done
  for fixture in tests/CIGen.EndToEnd.Tests/Fixtures/real/*/; do
    if [ -d "$fixture.cigen" ]; then configs+=("$fixture.cigen"); else configs+=("${fixture}cigen.yml"); fi
  done
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build core/CIGen.Cli --nologo -v quiet -o "$work/bin" >/dev/null

# file: prints "<non-blank lines> <longest line> <lines in repeated 6-line blocks>".
measure() {
  awk '
    { line = $0; gsub(/^[ \t]+|[ \t]+$/, "", line); if (length($0) > longest) longest = length($0) }
    line != "" { text[++n] = line }
    END {
      for (i = 1; i + 5 <= n; i++) {
        block = text[i]; for (j = 1; j < 6; j++) block = block "\n" text[i + j]
        count[block]++; start[i] = block
      }
      for (i = 1; i + 5 <= n; i++) if (count[start[i]] > 1) for (j = 0; j < 6; j++) repeated[i + j] = 1
      r = 0; for (i in repeated) r++
      printf "%d %d %d\n", n, longest + 0, r
    }' "$1"
}

# label lines longest repeated original ratio-target lines-target: one summary row with its verdicts.
summary() {
  awk -v label="$1" -v n="$2" -v longest="$3" -v r="$4" -v original="$5" -v ratio_target="$6" -v lines_target="$7" 'BEGIN {
    verdict = ""
    size = sprintf("%6d lines", n)
    if (ratio_target != "" && original > 0) {
      ratio = n / original
      size = size sprintf("  %5.2fx of %d (<= %sx %s)", ratio, original, ratio_target, ratio <= ratio_target + 0 ? "ok" : "OVER")
    } else if (lines_target != "") {
      size = size sprintf("  (<= %d %s)", lines_target, n <= lines_target + 0 ? "ok" : "OVER")
    } else {
      size = size "  (no ORIGINAL_LINES)"
    }
    share = n ? 100 * r / n : 0
    printf "  %-18s %-44s longest %4d (<= 200 %s)  repeated %3.0f%% (<= 50%% %s)\n", label, size,
      longest, longest <= 200 ? "ok" : "OVER", share, share <= 50 ? "ok" : "OVER"
  }'
}

printf '%-58s %8s %8s %9s\n' "file" "lines" "longest" "repeated"
summaries=""
for config in "${configs[@]}"; do
  out="$work/out/$(printf '%s' "$config" | tr '/.' '__')"
  "$work/bin/cigen" generate --config "$config" --output "$out" >/dev/null 2>&1
  label=${config#tests/CIGen.EndToEnd.Tests/Fixtures/}
  label=${label%/}
  label=${label%/.cigen}
  label=${label%/cigen.yml}
  root=${config%/}
  root=${root%/.cigen}
  if [ -f "$root" ]; then root=$(dirname "$root"); fi
  original=""
  if [ -f "$root/ORIGINAL_LINES" ]; then original=$(grep -Eo '[0-9]+' "$root/ORIGINAL_LINES" | head -n 1); fi
  declare -A lines=() longest=() repeated=()
  for kind in github actions circleci runtime; do lines[$kind]=0; longest[$kind]=0; repeated[$kind]=0; done
  while IFS= read -r -d '' file; do
    path=${file#"$out"/}
    read -r n long r < <(measure "$file")
    printf '%-58s %8d %8d %8.0f%%\n' "$label: $path" "$n" "$long" "$(awk -v n="$n" -v r="$r" 'BEGIN { print n ? 100 * r / n : 0 }')"
    case "$path" in
      .github/actions/*) kind=actions ;;
      .github/*) kind=github ;;
      .circleci/*.sh) kind=runtime ;;
      .circleci/*) kind=circleci ;;
      *) continue ;;
    esac
    lines[$kind]=$((lines[$kind] + n))
    repeated[$kind]=$((repeated[$kind] + r))
    if [ "$long" -gt "${longest[$kind]}" ]; then longest[$kind]=$long; fi
  done < <(find "$out" -type f \( -name '*.yml' -o -name '*.yaml' -o -name '*.json' -o -path '*/.github/actions/*' -o -path '*/.circleci/*.sh' \) -print0 | sort -z)
  summaries+="$label${original:+ (original: $original non-blank lines)}"$'\n'
  summaries+=$(summary "GitHub workflows" "${lines[github]}" "${longest[github]}" "${repeated[github]}" "$original" 2 "")$'\n'
  summaries+=$(summary "GitHub actions" "${lines[actions]}" "${longest[actions]}" "${repeated[actions]}" "" "" 400)$'\n'
  summaries+=$(summary "CircleCI" "${lines[circleci]}" "${longest[circleci]}" "${repeated[circleci]}" "$original" 2.5 "")$'\n'
  summaries+=$(summary "CircleCI runtime" "${lines[runtime]}" "${longest[runtime]}" "${repeated[runtime]}" "" "" 400)$'\n'
  unset lines longest repeated
done
printf '\nTargets (issue 11)\n%s' "$summaries"
