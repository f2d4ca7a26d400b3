#!/usr/bin/env bash
# Whole-process time and peak memory of `governance check` on the Handshake corpus grown to N task
# packets (issue 33): the corpus, plus copies of its docs/task_packets under copies/cN/task_packets
# until N packets are there, each copy's WP IDs renamed (WP-1-Foo becomes WP-1-C7-Foo in copy 7, in
# its file name and text), so that every copy is a WP of its own that the board does not list. Two shapes:
#   kept:    the copies keep their STATUS, so several hundred packets are In Progress at once and
#            share scope paths (GOV801's worst case: a bad merge);
#   closed:  every copy's STATUS is Done, so no copy is in progress.
# Each run prints one tab-separated line: the command's label, shape, packets, seconds, peak memory
# (MB), the summary line and the number of GOV801 lines.
#
# Usage: scripts/measure-scale.sh [N ...]            (default: 2000 20000)
# Env:   GOVERNANCE   the command to run (default: the dotnet tool built in Release,
#                     "dotnet src/Orchestrator.Governance.Cli/bin/Release/net8.0/governance.dll");
#        COMMANDS     several commands to run side by side on each grown tree, "label=command"
#                     separated by ";" (e.g. "release=dotnet /tmp/old/governance.dll;native=out/governance/governance");
#                     default "tool=$GOVERNANCE"
#        SHAPES       the shapes to grow (default: "kept closed")
#        CORPUS       the corpus (default: ../shared/corpus/handshake)
#        WORK         where the grown repositories are written (default: a temporary folder, removed at exit)
set -euo pipefail
cd "$(dirname "$0")/.."
GOVERNANCE=${GOVERNANCE:-"dotnet src/Orchestrator.Governance.Cli/bin/Release/net8.0/governance.dll"}
CORPUS=${CORPUS:-../shared/corpus/handshake}
if [ -z "${WORK:-}" ]; then WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT; fi
mkdir -p "$WORK"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(2000 20000)

grow() { # $1 target folder, $2 packets wanted, $3 shape
  local dir=$1 want=$2 shape=$3
  rm -rf "$dir"; cp -r "$CORPUS" "$dir"
  # One perl process writes every copy (a sed per file spent minutes starting processes).
  WANT="$want" SHAPE="$shape" DIR="$dir" perl -e '
    my @packets = sort glob("$ENV{DIR}/docs/task_packets/WP-*.md");
    my $have = scalar @packets; my $copy = 0;
    my %text; for my $f (@packets) { local $/; open(my $in, "<", $f) or die; $text{$f} = <$in>; close $in; }
    while ($have < $ENV{WANT}) {
      $copy++; my $to = "$ENV{DIR}/copies/c$copy/task_packets"; system("mkdir", "-p", $to) == 0 or die;
      for my $f (@packets) {
        last if $have >= $ENV{WANT};
        (my $name = $f) =~ s{.*/}{}; $name =~ s/^WP-1-/WP-1-C$copy-/;
        my $t = $text{$f}; $t =~ s/WP-1-/WP-1-C$copy-/g;
        $t =~ s/^(- \**STATUS\**:\**) .*/$1 Done/gmi if $ENV{SHAPE} eq "closed";
        open(my $out, ">", "$to/$name") or die; print $out $t; close $out; $have++;
      }
    }'
}

# Every command runs on the same grown tree, one after the other: the side-by-side comparison.
IFS=';' read -r -a commands <<< "${COMMANDS:-tool=$GOVERNANCE}"
printf 'command\tshape\tpackets\ttime\tpeak memory\tsummary\tGOV801 lines\n'
for n in "${sizes[@]}"; do
  for shape in ${SHAPES:-kept closed}; do
    dir="$WORK/scale-$n-$shape"
    grow "$dir" "$n" "$shape"
    for entry in "${commands[@]}"; do
      label=${entry%%=*}; command=${entry#*=}
      out="$WORK/out.txt"
      /usr/bin/time -f "%e %M" -o "$WORK/time.txt" $command check "$dir" --today 2026-12-01 > "$out" 2>/dev/null || true
      read -r secs kb < <(tail -n 1 "$WORK/time.txt")
      summary=$(tail -n 1 "$out")
      gov801=$(grep -c ' GOV801: ' "$out" || true)
      printf '%s\t%s\t%s\t%s s\t%s MB\t%s\t%s\n' "$label" "$shape" "$n" "$secs" "$((kb / 1024))" "$summary" "$gov801"
    done
    rm -rf "$dir"
  done
done
