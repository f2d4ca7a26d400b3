#!/usr/bin/env bash
# The analyzer's time per compilation in a consumer build of the Handshake corpus (issue 34), as
# the compiler reports it (-p:ReportAnalyzer=true): the analyzer package packed from this
# repository into a temporary feed, the corpus copied with a small C# project that references it,
# then four builds in one compiler server: the first; after a change to a .cs file only; after a
# change to one task packet; after a second .cs change. Each prints the GovernanceAnalyzer line of
# the compiler's analyzer report.
#
# Usage: scripts/measure-analyzer.sh
# Env:   CORPUS  the corpus (default: ../shared/corpus/handshake)
#        WORK    where the feed and the consumer are written (default: a temporary folder, removed at exit)
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${CORPUS:-../shared/corpus/handshake}
if [ -z "${WORK:-}" ]; then WORK=$(mktemp -d); trap 'dotnet build-server shutdown >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT; fi
version="0.0.0-measure.$(date +%s)"
dotnet pack src/Orchestrator.Governance.Package -c Release -o "$WORK/feed" -p:Version="$version" -nologo -v:q >/dev/null

repo="$WORK/corpus"
rm -rf "$repo"; cp -r "$CORPUS" "$repo"; chmod -R u+w "$repo"
mkdir -p "$repo/measure"
cat > "$repo/measure/Measure.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><OutputType>Library</OutputType></PropertyGroup>
  <ItemGroup><PackageReference Include="Orchestrator.Governance" Version="$version" /></ItemGroup>
</Project>
XML
echo 'namespace Measure { public static class Code { public const int Value = 0; } }' > "$repo/measure/Code.cs"
cat > "$repo/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration><packageSources><clear /><add key="feed" value="$WORK/feed" /></packageSources></configuration>
XML
export NUGET_PACKAGES="$WORK/packages"

build() { # $1 label (the compiler server is asked for even where the environment switches it off)
  local log="$WORK/build.log"
  # The governance diagnostics are errors on the corpus: the build fails, the compiler still reports its analyzers.
  env -u UseSharedCompilation dotnet build "$repo/measure" -p:GovernanceRoot="$repo/" -p:ReportAnalyzer=true -v:d -tl:off -nologo > "$log" 2>&1 || true
  local line; line=$(grep -m1 -E '^\s+[<0-9.]+ +[0-9]+ +Orchestrator.Governance.Analyzers.GovernanceAnalyzer' "$log" || true)
  [ -z "$line" ] && line=$(grep -m1 'GovernanceAnalyzer' "$log" || echo "(no analyzer report)")
  printf '%s\t%s\n' "$1" "$(echo "$line" | sed 's/^ *//')"
}

packet=$(ls "$repo"/docs/task_packets/WP-*.md | head -n 1)
build "first build"
echo 'namespace Measure { public static class More { public const int Value = 1; } }' > "$repo/measure/More.cs"
build "after a .cs change"
printf '\nA line added by the measurement.\n' >> "$packet"
build "after one packet changed"
echo 'namespace Measure { public static class More { public const int Value = 2; } }' > "$repo/measure/More.cs"
build "after a second .cs change"
