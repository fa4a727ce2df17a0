#!/usr/bin/env bash
# Plate benchmark: the whole CLI run (JVM start, CSV read, every normalization method including the
# B-score, per-plate QC, CSV write) on 1,000 plates x 1,536 wells. Target: under 3 s wall on 2 cores.
# Usage: bench/plates/run.sh [runs]   (builds the CLI jar first if needed; writes into bench/results/)
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
echo "plates: $(($(wc -l < "$data") - 1)) wells, $runs runs, $(nproc) cores, $(java -version 2>&1 | head -1)"
best=""
for i in $(seq "$runs"); do
  start=$(date +%s.%N)
  java -jar "$jar" plates normalize --input "$data" --output "$out/plates_normalized.csv" --qc "$out/plates_qc.csv" \
    --plate plate --well well --value value --content content --exclude flagged --methods all 2>/dev/null
  end=$(date +%s.%N)
  t=$(echo "$end - $start" | bc)
  echo "run $i: ${t}s"
  if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
done
echo "best wall time: ${best}s (target < 3 s)"
