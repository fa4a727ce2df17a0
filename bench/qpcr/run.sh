#!/usr/bin/env bash
# qPCR benchmark: the whole CLI run (JVM start, CSV read, input digest for the run record, quantification,
# CSV and run-record write) of `benchtop qpcr quantify` on 1,000 runs x 384 wells (384,000 wells, one long CSV).
# Target (issue 4): under 2 s wall on 2 cores.
# Usage: bench/qpcr/run.sh [repeats] [method]   (default 5 repeats, method ddcq; builds the CLI jar if needed)
# Runs through the `benchtop` launcher (its JVM options are part of the CLI); BENCHTOP_JAVA_OPTS adds to
# them, e.g. BENCHTOP_JAVA_OPTS="-XX:TieredStopAtLevel=4" bench/qpcr/run.sh for C2.
# Writes into bench/results/ (git-ignored): the input (once), qpcr_bench_out.csv (+ .run.json), qpcr_bench_times.txt.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/bench/results"
mkdir -p "$out"
data="$out/qpcr_bench_1000x384.csv"
[ -f "$data" ] || python3 "$here/generate.py" --runs 1000 --output "$data"
jar="$root/cli/target/benchtop-cli.jar"
[ -f "$jar" ] || (cd "$root" && ./mvnw -q -B -Dquick -pl cli -am package)
runs=${1:-5}
method=${2:-ddcq}
opts=${BENCHTOP_JAVA_OPTS:-} # the launcher adds these to its own JVM options
times="$out/qpcr_bench_times.txt"
: > "$times"
echo "qpcr quantify --method $method: $(($(wc -l < "$data") - 1)) wells, $runs runs, $(nproc) cores," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)${opts:+, JVM options: $opts}"
args=(qpcr quantify --input "$data" --output "$out/qpcr_bench_out.csv" --sample sample --group group --target target
  --cq cq --well well --plate run --reference GAPDH,ACTB --calibrator DMSO --method "$method")
# an untimed first run: after a build, a command's first run writes the launcher's class-data archive
BENCHTOP_SKIP_BUILD=1 "$root/benchtop" "${args[@]}" > /dev/null 2>&1
for i in $(seq "$runs"); do
  # %e wall, %U user CPU, %S system CPU (GNU time); standard error holds the ~2,400 engine warnings
  /usr/bin/time -f "%e %U %S" -o "$out/.qpcr_time" \
    env BENCHTOP_SKIP_BUILD=1 "$root/benchtop" "${args[@]}" 2>"$out/qpcr_bench_warnings.txt"
  read -r wall user sys < "$out/.qpcr_time"
  echo "$wall $user $sys" >> "$times"
  echo "run $i: ${wall}s wall, $(echo "$user + $sys" | bc)s CPU (user $user, sys $sys)"
done
rm -f "$out/.qpcr_time"
sort -n "$times" | awk 'NR==1{b=$1; c=$2+$3} {w[NR]=$1} END{printf "best wall %.2fs (its CPU %.2fs), median wall %.2fs (target < 2 s)\n", b, c, w[int((NR+1)/2)]}'
echo "output: $(($(wc -l < "$out/qpcr_bench_out.csv") - 1)) result rows, $(grep -c 'warning' "$out/qpcr_bench_warnings.txt") warnings"
