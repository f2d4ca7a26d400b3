#!/usr/bin/env bash
# Whole-process time and peak memory of `governance check` on the Handshake corpus grown to N task
# packets (issue 33): the corpus, plus copies of its docs/task_packets under copies/cN/task_packets
# until N packets are there, each copy's WP IDs renamed (WP-1-Foo becomes WP-1-C7-Foo in copy 7, in
# its file name and text), so that every copy is a WP of its own that the board does not list. Two shapes:
#   kept:    the copies keep their STATUS, so several hundred packets are In Progress at once and
#            share scope paths (GOV801's worst case: a bad merge);
#   closed:  every copy's STATUS is Done, so no copy is in progress.
# Each run prints: shape, packets, seconds, peak KB, the summary line and the number of GOV801 lines.
#
# Usage: scripts/measure-scale.sh [N ...]            (default: 2000 20000)
# Env:   GOVERNANCE   the command to run (default: the dotnet tool built in Release,
#                     "dotnet src/Orchestrator.Governance.Cli/bin/Release/net8.0/governance.dll");
#                     set it to the native executable to measure that instead.
#        CORPUS       the corpus (default: ../shared/corpus/handshake)
#        WORK         where the grown repositories are written (default: a temporary folder, removed)
set -euo pipefail
cd "$(dirname "$0")/.."
GOVERNANCE=${GOVERNANCE:-"dotnet src/Orchestrator.Governance.Cli/bin/Release/net8.0/governance.dll"}
CORPUS=${CORPUS:-../shared/corpus/handshake}
WORK=${WORK:-$(mktemp -d)}
trap 'rm -rf "$WORK"' EXIT
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(2000 20000)

grow() { # $1 target folder, $2 packets wanted, $3 shape
  local dir=$1 want=$2 shape=$3
  rm -rf "$dir"; cp -r "$CORPUS" "$dir"
  local have; have=$(find "$dir/docs/task_packets" -maxdepth 1 -name 'WP-*.md' | wc -l)
  local copy=0
  while [ "$have" -lt "$want" ]; do
    copy=$((copy + 1))
    local to="$dir/copies/c$copy/task_packets"
    mkdir -p "$to"
    for f in "$CORPUS"/docs/task_packets/WP-*.md; do
      [ "$have" -ge "$want" ] && break
      local name; name=$(basename "$f" | sed "s/^WP-1-/WP-1-C$copy-/")
      if [ "$shape" = closed ]; then
        sed -E -e "s/WP-1-/WP-1-C$copy-/g" -e 's/^(- \**STATUS\**:\**) .*/\1 Done/I' "$f" > "$to/$name"
      else
        sed -E -e "s/WP-1-/WP-1-C$copy-/g" "$f" > "$to/$name"
      fi
      have=$((have + 1))
    done
  done
}

for n in "${sizes[@]}"; do
  for shape in kept closed; do
    dir="$WORK/scale-$n-$shape"
    grow "$dir" "$n" "$shape"
    out="$WORK/out.txt"
    /usr/bin/time -f "%e %M" -o "$WORK/time.txt" $GOVERNANCE check "$dir" --today 2026-12-01 > "$out" 2>/dev/null || true
    read -r secs kb < <(tail -n 1 "$WORK/time.txt")
    summary=$(tail -n 1 "$out")
    gov801=$(grep -c ' GOV801: ' "$out" || true)
    printf '%s\t%s\t%s s\t%s KB\t%s\tGOV801 lines: %s\n' "$shape" "$n" "$secs" "$kb" "$summary" "$gov801"
    rm -rf "$dir"
  done
done
