#!/usr/bin/env bash
# Packs the CLI as the dotnet tool .NET 10 SDKs install (docs/packaging.md): the package
# Orchestrator.Governance.Cli, which names one package per runtime identifier, the native
# executable of this machine's identifier (Orchestrator.Governance.Cli.linux-x64 here), and the
# framework-dependent package every other platform falls back to (Orchestrator.Governance.Cli.any).
# A native package is compiled on the operating system it is for; pack each one there with
# RIDS naming it, and publish the packages together (the package of names lists RIDS).
#
# Usage: scripts/pack-tool.sh OUTPUT_FOLDER VERSION
# Env:   RIDS         the identifiers the package names, separated by blanks (default "linux-x64 any")
#        NATIVE       the identifiers packed natively on this machine (default: this machine's,
#                     when RIDS names it); "" packs none
#        CONFIGURATION  Release (default) or Debug
#        VERSION_PROPERTY  Version (default: the assemblies carry VERSION too, as a release's do) or
#                     PackageVersion (the packages alone: the assemblies built already stay up to date,
#                     which the end-to-end tests use so that packing does not compile everything again)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/pack-tool.sh OUTPUT_FOLDER VERSION}
version=${2:?usage: scripts/pack-tool.sh OUTPUT_FOLDER VERSION}
rids=${RIDS:-"linux-x64 any"}
configuration=${CONFIGURATION:-Release}
here=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1)
if [ -z "${NATIVE+set}" ]; then
  NATIVE=""
  case " $rids " in *" $here "*) NATIVE=$here ;; esac
fi
pack() { dotnet pack src/Orchestrator.Governance.Cli -c "$configuration" -o "$out" -p:"${VERSION_PROPERTY:-Version}"="$version" \
  -p:GovernanceToolPackage=true -p:GovernanceToolRids=\"${rids// /;}\" -nodeReuse:false -tl:off -nologo "$@"; }

pack
for rid in $NATIVE; do pack -p:GovernanceToolRid="$rid"; done
case " $rids " in *" any "*) pack -p:GovernanceToolRid=any ;; esac
