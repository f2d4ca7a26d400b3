#!/usr/bin/env bash
# Issue 14's start-up bound, whole process on a repository (default: the Handshake corpus), side by side in
# one run: markdownlint-cli2 (npm, default rules, every Markdown file), `dotnet governance.dll check` (the
# framework-dependent build, JIT) and the tool as `dotnet tool install` gives it on a .NET 10 SDK (packed by
# scripts/pack-tool.sh: the native executable, docs/native.md). Three rounds, interleaved; wall
# seconds and peak resident memory from /usr/bin/time. Builds what is missing:
#   scripts/measure-startup.sh [REPOSITORY]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
repo=$(cd "${1:-$here/../shared/corpus/handshake}" && pwd)
work=${MEASURE_WORK:-/tmp/orchestrator-measure-startup}
mkdir -p "$work"

if [ ! -x "$work/node_modules/.bin/markdownlint-cli2" ]; then
  (cd "$work" && npm install --no-audit --no-fund --silent markdownlint-cli2 >/dev/null)
fi
dll="$here/src/Orchestrator.Governance.Cli/bin/Release/net8.0/governance.dll"
[ -f "$dll" ] || dotnet build "$here/src/Orchestrator.Governance.Cli" -c Release -v:q -nologo >/dev/null
native="$work/tool/governance"
if [ ! -x "$native" ]; then
  bash "$here/scripts/pack-tool.sh" "$work/feed" 0.0.0-measure >/dev/null
  NUGET_PACKAGES="$work/packages" dotnet tool install Orchestrator.Governance.Cli --version 0.0.0-measure --source "$work/feed" --tool-path "$work/tool" >/dev/null
fi

echo "repository: $repo ($(find "$repo" -name '*.md' -not -path '*/node_modules/*' | wc -l) Markdown files)"
echo "$("$work/node_modules/.bin/markdownlint-cli2" --help 2>/dev/null | head -1 || true); node $(node --version); dotnet $(dotnet --version)"
measure() {
  local name=$1; shift
  /usr/bin/time -f "$name: %e s wall, %U s user, %M KB peak" "$@" >/dev/null 2>/tmp/measure-startup.err || true
  tail -1 /tmp/measure-startup.err
}
cd "$repo"
for round in 1 2 3; do
  measure "markdownlint-cli2 \"**/*.md\"  " "$work/node_modules/.bin/markdownlint-cli2" "**/*.md" "#node_modules"
  measure "dotnet governance.dll check  " dotnet "$dll" check . --today 2026-12-01
  measure "installed tool (native) check" "$native" check . --today 2026-12-01
done
