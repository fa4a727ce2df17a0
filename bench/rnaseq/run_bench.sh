#!/usr/bin/env bash
# Benchmark of `benchtop rnaseq deseq` against R's DESeq2 (DESeq() + results()) on the same inputs.
# Usage: bench/rnaseq/run_bench.sh [THREADS] [SETS]      e.g.  bench/rnaseq/run_bench.sh 2 pasilla,30000x100
# Needs: cli/target/benchtop-cli.jar (./mvnw package), python3; R with DESeq2 for the comparison.
# Our side runs as a user runs it, through the ./benchtop launcher (its JVM options included;
# BENCHTOP_SKIP_BUILD=1 so that it never rebuilds mid-benchmark; BENCHTOP_JAVA_OPTS passes through).
# Wall-clock times include JVM / R start-up and reading and writing the files; CPU = user + sys seconds
# of the whole process (Java uses THREADS worker threads plus JIT/GC threads; R is single-threaded).
# On a shared machine the wall-clock ratio depends on the load; the CPU ratio much less.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
JAR="$ROOT/cli/target/benchtop-cli.jar"
THREADS="${1:-2}"
SETS="${2:-pasilla,30000x100}"
DATA="${BENCH_DATA:-$HERE/data}"
OUT="$DATA/out"
mkdir -p "$DATA" "$OUT"
[ -f "$JAR" ] || { echo "build the CLI first: ./mvnw -B package -DskipTests" >&2; exit 1; }
HAVE_R=0
if command -v Rscript >/dev/null && Rscript -e 'suppressPackageStartupMessages(library(DESeq2))' >/dev/null 2>&1; then HAVE_R=1; fi

prepare() {
  case "$1" in
    pasilla)
      RES="$ROOT/plugins/org.benchtop.core/src/test/resources/org/benchtop/core/rnaseq"
      python3 - "$RES" "$DATA" <<'PY'
import csv, sys
res, data = sys.argv[1], sys.argv[2]
order = [r["sample"] for r in csv.DictReader(open(res + "/expected_coldata_used.csv"))]
cond = {r["sample"]: r["condition"] for r in csv.DictReader(open(res + "/expected_coldata_used.csv"))}
rows = list(csv.reader(open(res + "/pasilla_gene_counts.tsv"), delimiter="\t"))
idx = [rows[0].index(s) for s in order]
with open(data + "/counts_pasilla.csv", "w") as f:
    f.write("gene_id," + ",".join(order) + "\n")
    for r in rows[1:]:
        f.write(r[0] + "," + ",".join(r[i] for i in idx) + "\n")
with open(data + "/samples_pasilla.csv", "w") as f:
    f.write("sample,condition\n")
    for s in order:
        f.write("%s,%s\n" % (s, "treated" if cond[s] == "treated" else "control"))
PY
      ;;
    *x*)
      G="${1%x*}"; S="${1#*x}"
      if [ ! -f "$DATA/counts_${G}x${S}.csv" ] || [ ! -f "$DATA/samples_${S}.csv" ]; then
        python3 "$HERE/make_counts.py" "$G" "$S" "$DATA" >/dev/null
      fi
      cp "$DATA/samples_${S}.csv" "$DATA/samples_${1}.csv"
      ;;
  esac
}

printf "%-12s %9s %9s %7s %9s %9s %7s %6s\n" "set" "Java wall" "R wall" "ratio" "Java CPU" "R CPU" "ratio" "load"
for SET in ${SETS//,/ }; do
  prepare "$SET"
  C="$DATA/counts_$SET.csv"; S="$DATA/samples_$SET.csv"
  if [ -z "${WARM:-}" ]; then # untimed, once: a command's first run after a build writes the launcher's class-data archive
    BENCHTOP_SKIP_BUILD=1 "$ROOT/benchtop" rnaseq deseq --counts "$C" --samples "$S" --design "~ condition" \
        --contrast condition,treated,control --threads "$THREADS" --output "$OUT/java_$SET.csv" >/dev/null 2>&1
    WARM=1
  fi
  LOAD=$(cut -d' ' -f1 /proc/loadavg) # 1-minute load average before the runs
  BENCHTOP_SKIP_BUILD=1 /usr/bin/time -f "%e %U %S" -o "$OUT/java_$SET.time" "$ROOT/benchtop" rnaseq deseq \
      --counts "$C" --samples "$S" --design "~ condition" --contrast condition,treated,control --threads "$THREADS" \
      --output "$OUT/java_$SET.csv" 2>"$OUT/java_$SET.log"
  read -r JW JU JS < "$OUT/java_$SET.time"
  JC=$(echo "$JU + $JS" | bc)
  if [ "$HAVE_R" = 1 ]; then
    /usr/bin/time -f "%e %U %S" -o "$OUT/r_$SET.time" Rscript "$HERE/run_deseq2.R" "$C" "$S" "$OUT/r_$SET.csv" \
        "~ condition" condition treated control >"$OUT/r_$SET.log" 2>&1
    read -r RW RU RS < "$OUT/r_$SET.time"
    RC=$(echo "$RU + $RS" | bc)
    printf "%-12s %9.2f %9.2f %7.1f %9.2f %9.2f %7.1f %6s\n" "$SET" "$JW" "$RW" "$(echo "$RW / $JW" | bc -l)" \
        "$JC" "$RC" "$(echo "$RC / $JC" | bc -l)" "$LOAD"
    python3 "$HERE/compare.py" "$OUT/java_$SET.csv" "$OUT/r_$SET.csv" | sed 's/^/             /'
  else
    printf "%-12s %9.2f %9s %7s %9.2f %9s %7s %6s\n" "$SET" "$JW" "-" "-" "$JC" "-" "-" "$LOAD"
  fi
done
