#!/usr/bin/env bash
# Plate benchmark: the whole CLI run (JVM start, CSV read, every normalization method including the
# B-score, per-plate QC, CSV write) on 1,000 plates x 1,536 wells. Target: under 3 s wall on 2 cores.
# Usage: bench/plates/run.sh [runs]   (builds the CLI jar first if needed; writes into bench/results/)
# Runs the ./benchtop launcher (its JVM options are part of the CLI); prints wall and CPU time per run.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/bench/results"
mkdir -p "$out"
data="$out/plates_bench_1000x1536.csv"
[ -f "$data" ] || python3 "$here/generate.py" --plates 1000 --output "$data"
jar="$root/cli/target/benchtop-cli.jar"
[ -f "$jar" ] || (cd "$root" && ./mvnw -q -B -Dquick -pl cli -am package)
runs=${1:-5}
# through the launcher, with its JVM options (BENCHTOP_JAVA_OPTS adds to them); the jar as it is
echo "plates: $(($(wc -l < "$data") - 1)) wells, $runs runs, $(nproc) cores, load average" \
  "$(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)${BENCHTOP_JAVA_OPTS:+, JVM options: $BENCHTOP_JAVA_OPTS}"
best=""
tfile=$(mktemp)
trap 'rm -f "$tfile"' EXIT
args=(plates normalize --input "$data" --output "$out/plates_normalized.csv" --qc "$out/plates_qc.csv"
  --plate plate --well well --value value --content content --exclude flagged --methods all)
# an untimed first run: after a build, a command's first run writes the launcher's class-data archive
BENCHTOP_SKIP_BUILD=1 "$root/benchtop" "${args[@]}" > /dev/null 2>&1
for i in $(seq "$runs"); do
  BENCHTOP_SKIP_BUILD=1 /usr/bin/time -f "%e %U %S" -o "$tfile" "$root/benchtop" "${args[@]}" 2>/dev/null
  read -r t user sys < "$tfile"
  echo "run $i: ${t}s wall, $(echo "$user + $sys" | bc)s CPU (user $user, sys $sys)"
  if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
done
echo "best wall time: ${best}s (target < 3 s)"
