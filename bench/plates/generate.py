#!/usr/bin/env python3
"""Generate the plate benchmark input: PLATES plates of 1,536 wells each, one long CSV.

Layout of every plate (32 rows A..AF x 48 columns): columns 1 and 47 hold negative controls
('neg', full signal), columns 2 and 48 positive controls ('pos', ~10 % signal), all other wells are
samples ('sample'). Values are luminescence-like counts with one decimal:

    value = 20000 * plate_scale * (1 + row_gradient + column_gradient + edge) * hit * noise

with a plate scale of +-10 %, linear row and column gradients of up to +-4 %, an outer-ring edge
effect of +8 % on every fifth plate, 2 % of sample wells hits (10-60 % of the signal), 8 % CV
log-normal noise, 0.2 % of wells empty (missing value), and column 'flagged' = true on 0.1 % of
wells. Python 3 standard library only; seeded, so the same arguments always give the same bytes.

Columns: plate,well,value,content,flagged (plate = P0001.., well = A01..AF48).
Default: 1,000 plates = 1,536,000 rows, about 45 MB.

usage: python3 generate.py [--plates 1000] [--seed 7] [--output ../results/plates_bench_1000x1536.csv]
(the default output folder bench/results/ is git-ignored)
"""
import argparse
import math
import os
import random

ROWS = [chr(ord("A") + i) for i in range(26)] + ["A" + chr(ord("A") + i) for i in range(6)]
NROW, NCOL = 32, 48


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--plates", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--output", default=None)
    a = ap.parse_args()
    out = a.output or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "results",
                                   "plates_bench_%dx1536.csv" % a.plates)
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    rnd = random.Random(a.seed)
    wells = ["%s%02d" % (ROWS[r], c + 1) for r in range(NROW) for c in range(NCOL)]
    content = []
    for r in range(NROW):
        for c in range(NCOL):
            content.append("neg" if c in (0, 46) else "pos" if c in (1, 47) else "sample")
    with open(out, "w", newline="\n") as f:
        f.write("plate,well,value,content,flagged\n")
        for p in range(1, a.plates + 1):
            plate = "P%04d" % p
            scale = 1 + rnd.uniform(-0.1, 0.1)
            rg = rnd.uniform(-0.04, 0.04)
            cg = rnd.uniform(-0.04, 0.04)
            edge = 0.08 if p % 5 == 0 else 0.0
            lines = []
            for w in range(NROW * NCOL):
                r, c = divmod(w, NCOL)
                kind = content[w]
                level = 1.0 if kind != "pos" else 0.1
                if kind == "sample" and rnd.random() < 0.02:
                    level = rnd.uniform(0.1, 0.6)
                ring = edge if r in (0, NROW - 1) or c in (0, NCOL - 1) else 0.0
                mean = 20000 * scale * (1 + rg * (r / (NROW - 1) - 0.5) * 2 + cg * (c / (NCOL - 1) - 0.5) * 2 + ring)
                v = mean * level * math.exp(rnd.gauss(0, 0.08))
                value = "" if rnd.random() < 0.002 else "%.1f" % v
                flagged = "true" if rnd.random() < 0.001 else "false"
                lines.append("%s,%s,%s,%s,%s\n" % (plate, wells[w], value, kind, flagged))
            f.write("".join(lines))
    print("wrote %s (%d plates, %d rows)" % (out, a.plates, a.plates * NROW * NCOL))


if __name__ == "__main__":
    main()
