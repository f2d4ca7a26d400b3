#!/usr/bin/env bash
# Issue 16's speed bound, measured on one binary: the change-aware rules (a base revision from git)
# against a plain check of the same changed files (no base revision), on a git history built from
# the corpus: `main` = the corpus, branch `work` = ten task packets changed (a line appended), and
# in the second case the 2.7 MB spec too (one MUST softened). Whole process, /usr/bin/time,
# interleaved, RUNS runs each (default 8), sorted; prints the medians and the ratio.
# Usage: scripts/measure-base-revision.sh [CORPUS] (default ../shared/corpus/handshake)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="$(realpath "${1:-../shared/corpus/handshake}")"
runs="${RUNS:-8}"
dotnet build src/Orchestrator.Governance.Cli -c Release -nologo -v quiet >/dev/null
cli="$PWD/src/Orchestrator.Governance.Cli/bin/Release/net8.0/governance.dll"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

measure() { # LABEL
  local repo="$work/repo" list="$work/changed.txt"
  git -C "$repo" diff --name-only main...HEAD > "$list"
  local plain=() based=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$work/t" -f %e dotnet "$cli" check "$repo" --changed-files "$list" --today 2026-12-01 >/dev/null 2>&1 || true
    plain+=("$(tail -1 "$work/t")")
    /usr/bin/time -o "$work/t" -f %e dotnet "$cli" check "$repo" --changed-since main --today 2026-12-01 >/dev/null 2>&1 || true
    based+=("$(tail -1 "$work/t")")
  done
  python3 - "$1" "${plain[*]}" "${based[*]}" <<'PY'
import sys, statistics
label, a, b = sys.argv[1], sorted(map(float, sys.argv[2].split())), sorted(map(float, sys.argv[3].split()))
ma, mb = statistics.median(a), statistics.median(b)
print(f"| {label} | {' '.join(f'{x:.2f}' for x in a)} s | {' '.join(f'{x:.2f}' for x in b)} s | {100*(mb/ma-1):+.1f}% |")
PY
}

history() { # SOFTEN_SPEC
  rm -rf "$work/repo"
  cp -r "$corpus" "$work/repo"
  local repo="$work/repo"
  git -C "$repo" init -q -b main
  git -C "$repo" -c user.name=m -c user.email=m@x add -A
  git -C "$repo" -c user.name=m -c user.email=m@x commit -q -m corpus
  git -C "$repo" checkout -q -b work
  find "$repo" -path '*/task_packets/*.md' | sort | head -10 | while read -r f; do printf '\n' >> "$f"; done
  if [ "$1" = yes ]; then
    spec="$(ls "$repo"/Handshake_Master_Spec_v02.123.md)"
    python3 - "$spec" <<'PY'
import sys, re
p = sys.argv[1]; s = open(p, encoding='utf-8').read()
i = s.index(' MUST ', len(s) // 3)
open(p, 'w', encoding='utf-8').write(s[:i] + ' SHOULD ' + s[i + 6:])
PY
  fi
  git -C "$repo" -c user.name=m -c user.email=m@x commit -q -am change
}

echo "| change | plain: --changed-files (same files) | base revision: --changed-since main | median |"
echo "|---|---|---|---|"
history no; measure "ten packets"
history yes; measure "ten packets and the spec (one MUST softened)"
