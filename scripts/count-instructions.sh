#!/usr/bin/env bash
# Counts the instructions each corpus benchmark executes per call, under valgrind's callgrind:
# a count that does not depend on what else the machine is doing (wall times on a 2-core machine
# varied by up to 30% between runs of the same build; see docs/performance.md).
#
# usage: scripts/count-instructions.sh BENCHMARKS_DLL [CALLS] [METHOD...]
#   BENCHMARKS_DLL  Orchestrator.Governance.Benchmarks.dll of the build to measure, e.g. from
#                   dotnet build -c Release tests/Orchestrator.Governance.Benchmarks -o /tmp/bench-X
#   CALLS           calls of each method counted (default 5)
#   METHOD          CorpusBenchmarks methods (default: all eight)
# Needs valgrind, gcc and valgrind's headers (Debian: valgrind). CORPUS overrides the corpus path.
# Each method is called twice first (JIT, caches), then CALLS times between two callgrind dumps
# (CALLGRIND_DUMP_STATS_AT, through a small C library); tiered compilation is off, so the code
# counted is the optimized code throughout. Takes about 40 minutes for all eight methods.
set -euo pipefail
dll=$(readlink -f "$1"); calls=${2:-5}; shift $(( $# > 1 ? 2 : 1 ))
methods=("$@")
[ ${#methods[@]} -eq 0 ] && methods=(MarkdigPlainParse EnginePipelineParse SpecParseAndIndex FullCheck FullCheckSpecCached FullCheckSpecCachedWithBoard FullCheckSpecCachedWithBoardAndBaseline BoardAndGraph)
here=$(cd "$(dirname "$0")/.." && pwd)
export CORPUS=${CORPUS:-$(readlink -f "$here/../shared/corpus/handshake")}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

cat > "$work/cg.c" <<'EOF'
#include <valgrind/callgrind.h>
void cg_dump(const char* label) { CALLGRIND_DUMP_STATS_AT(label); }
EOF
gcc -O2 -shared -fPIC -o "$work/libcg.so" "$work/cg.c"

mkdir "$work/loop"
cat > "$work/loop/loop.csproj" <<'EOF'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net8.0</TargetFramework><RollForward>Major</RollForward><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
</Project>
EOF
cat > "$work/loop/Program.cs" <<EOF
using System.Reflection;
using System.Runtime.InteropServices;
var type = Assembly.LoadFrom(args[0]).GetType("Orchestrator.Governance.Benchmarks.CorpusBenchmarks")!;
var bench = Activator.CreateInstance(type)!;
foreach (var m in type.GetMethods()) if (m.GetCustomAttributes().Any(a => a.GetType().Name == "GlobalSetupAttribute")) m.Invoke(bench, null);
int calls = int.Parse(args[1]);
var methods = args.Skip(2).Select(a => type.GetMethod(a) ?? throw new ArgumentException("no benchmark " + a)).ToList();
for (int warm = 0; warm < 2; warm++) foreach (var m in methods) m.Invoke(bench, null);
GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
Native.cg_dump("setup");
foreach (var m in methods)
{
    for (int i = 0; i < calls; i++) m.Invoke(bench, null);
    Native.cg_dump(m.Name);
}
static class Native { [DllImport("$work/libcg.so")] public static extern void cg_dump(string label); }
EOF
dotnet build -c Release "$work/loop" -o "$work/out" > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }

DOTNET_TieredCompilation=0 DOTNET_EnableWriteXorExecute=0 DOTNET_gcConcurrent=0 \
  valgrind --tool=callgrind --callgrind-out-file="$work/cg.%p.out" \
  dotnet "$work/out/loop.dll" "$dll" "$calls" "${methods[@]}" > "$work/valgrind.log" 2>&1 || { tail -20 "$work/valgrind.log"; exit 1; }

echo "method,instructions per call (millions)"
for i in $(seq 1 $(( ${#methods[@]} + 1 ))); do
  f=$(ls "$work"/cg.*.out."$i")
  name=$(grep -m1 '^desc: Trigger' "$f" | sed 's/.*Request: //')
  [ "$name" = setup ] && continue
  total=$(grep -m1 '^summary' "$f" | cut -d' ' -f2)
  awk -v n="$name" -v t="$total" -v c="$calls" 'BEGIN { printf "%s,%.1f\n", n, t / c / 1e6 }'
done
