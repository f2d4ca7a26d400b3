#!/usr/bin/env bash
# README's main job: pack Orchestrator.Governance, then `dotnet build` the governed example
# repository in examples/governed-repo, which consumes the package and prints its diagnostics.
# The example's packets carry real defects, so the build is expected to FAIL with GOV errors.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# A new version per run, restored into a package folder of its own, so that NuGet's caches
# never hand the example an older build of the analyzer.
version="0.1.0-local.$(date +%Y%m%d%H%M%S)"
dotnet pack src/Orchestrator.Governance.Package -c Release -o artifacts/feed -p:Version="$version" -nologo -v quiet
export NUGET_PACKAGES="$PWD/artifacts/example-packages"

set +e
dotnet build examples/governed-repo/src/Example.App -p:OrchestratorGovernanceVersion="$version" \
  --no-incremental -nodeReuse:false -nologo -clp:NoSummary
status=$?
set -e
echo
echo "dotnet build exited with $status (non-zero is expected: the example packets have defects)."
exit "$status"
