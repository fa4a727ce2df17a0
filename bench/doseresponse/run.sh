#!/usr/bin/env bash
# Dose-response benchmark: the whole CLI run through the ./benchtop launcher (JVM start, CSV read, LL.4 fits, CSV
# write of the fit table and the run record) of `benchtop dose-response fit` on 100,000 simulated curves of 10 doses x 2 replicates
# (2,000,000 rows, generate.py), and R nls on the first curves of the same file when Rscript is installed.
# Targets (issue 3), on 2 cores including JVM start and I/O: >= 50,000 curves/s; >= 20x the per-curve
# throughput of R nls; >= 99 % of the curves fitted and well determined.
# Usage: bench/doseresponse/run.sh [runs] [r_curves]
#   runs      CLI runs, each with wall and CPU time (user + sys); the best wall time is reported (default 3)
#   r_curves  curves R nls fits (default 2000; R's rate is per curve, so a subset gives the same rate)
# Environment: CURVES (default 100000). Writes into bench/results/ (git-ignored); the launcher builds the CLI jar if needed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/bench/results"
mkdir -p "$out"
curves=${CURVES:-100000}
runs=${1:-3}
r_curves=${2:-2000}
data="$out/dose_response_${curves}.csv"
[ -f "$data" ] || python3 "$here/generate.py" --curves "$curves" --out "$data"
# the launcher (re)builds the CLI jar when it is missing or older than the sources: once, before the timed runs
"$root/benchtop" dose-response fit --help > /dev/null
fits="$out/dose_response_fits.csv"
echo "dose response: $curves curves, $(($(wc -l < "$data") - 1)) rows, $runs runs, $(nproc) cores," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
best=""
TIMEFORMAT='%R %U %S'
args=(dose-response fit --input "$data" --output "$fits" --dose dose --response response --group curve_id)
# an untimed first run: after a build, a command's first run writes the launcher's class-data archive
BENCHTOP_SKIP_BUILD=1 "$root/benchtop" "${args[@]}" > /dev/null 2>&1
for i in $(seq "$runs"); do
  # through the launcher, with its JVM options, as users run it
  read -r t user sys < <( { time BENCHTOP_SKIP_BUILD=1 "$root/benchtop" "${args[@]}" > /dev/null 2>&1; } 2>&1 )
  echo "run $i: ${t}s wall = $(echo "$curves / $t" | bc) curves/s; CPU $(echo "$user + $sys" | bc)s" \
    "(user ${user}s, sys ${sys}s); load average $(cut -d' ' -f1 /proc/loadavg)"
  if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
done
rate=$(echo "$curves / $best" | bc)
echo "benchtop: best ${best}s wall for $curves curves = $rate curves/s (target >= 50000)"
# share of curves fitted and well determined (column well_determined of the fit table)
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "well_determined") c = i; next }
         { n++; if ($c == "true") w++ }
         END { printf "benchtop: %d of %d curves well determined (%.3f %%, target >= 99 %%)\n", w, n, 100 * w / n }' "$fits"
if command -v Rscript > /dev/null; then
  r_line=$(Rscript "$here/nls_reference.R" "$data" "$r_curves" 2>/dev/null)
  echo "$r_line"
  r_rate=$(echo "$r_line" | sed -n 's/.* = \([0-9.]*\) curves\/s.*/\1/p')
  if [ -n "$r_rate" ]; then
    echo "ratio: benchtop $rate curves/s (wall, with JVM start and I/O) / R nls $r_rate curves/s (fitting only)" \
      "= $(echo "scale=1; $rate / $r_rate" | bc)x (target >= 20x)"
  fi
else
  echo "R nls: Rscript not found (apt-get install r-base-core), ratio not measured"
fi
